/**
 * How many documents a search list asks for: a few panels' worth while the reader types (the panel shows
 * two or three, and every answer's passages and snippets are made in main and painted in the renderer),
 * then more as the list is scrolled or arrowed towards its end. A value both sides need: the renderer
 * asks with it, and the bench measures `search()` as the renderer asks (the first step).
 */
export const GROUP_STEPS = [8, 20, 50, 100] as const;
