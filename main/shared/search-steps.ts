/**
 * How many documents a search list asks for: while the reader types, the documents the panel shows (two
 * or three) and one more, because every answer's passages and snippets are read, ranked and painted for
 * each document asked; then more as the list is scrolled or arrowed towards its end. A value both sides need: the renderer
 * asks with it, and the bench measures `search()` as the renderer asks (the first step).
 */
export const GROUP_STEPS = [4, 12, 30, 100] as const;
