/**
 * The word stock of the synthetic corpus: English function words in frequency order, lemma families of
 * policy prose expanded into their inflected and derived forms (so that a stemmer has real work: "secure",
 * "secured", "securing", "security", "securities"), place names and acronyms. Rare personal names are
 * made from syllables in corpus.ts, so that the term dictionary has the long tail a real archive has.
 */

/** Roughly in English frequency order; Lunr drops most of these as stop words. */
export const FUNCTION_WORDS = (
  'the of and to a in is that for it as with was on by be this are from at or an which its have has but not ' +
  'their they been more its also than other were would can will may these such between into over after two ' +
  'both while however under since most about only against through during without any could among should ' +
  'there those them what when where who because before them new many further well each very much even ' +
  'first second third last within across toward amid upon whether although yet so if no all some one'
)
  .split(' ')
  .filter((word, index, all) => all.indexOf(word) === index);

/** `base` or `base!` (doubles the final consonant) then optional derived nouns after `|`. */
const VERBS = (
  'secure|security,securities attack|attacker,attackers invest|investment,investor develop|development,developer ' +
  'govern|government,governance negotiate|negotiation,negotiator cooperate|cooperation,cooperative ' +
  'protect|protection,protector emphasize|emphasis criticize|criticism,critic claim|claimant dismiss|dismissal ' +
  'address reveal|revelation highlight test sustain|sustainability intensify|intensification rebut|rebuttal ' +
  'prioritize|priority,priorities counter ensure reiterate|reiteration describe|description reflect|reflection ' +
  'advise|adviser,advice cancel|cancellation urge stress safeguard face echo expand|expansion,expansionism ' +
  'attribute|attribution collaborate|collaboration,collaborator suggest|suggestion complicate|complication ' +
  'signal deteriorate|deterioration determine|determination refrain launch endorse|endorsement influence ' +
  'deepen review expedite provide|provider offer establish|establishment,establishments deploy|deployment ' +
  'operate|operation,operator,operational overcome target struggle improve|improvement expose|exposure ' +
  'advocate|advocacy approve|approval delay implement|implementation conduct reduce|reduction damage ' +
  'spark regard determine|determinant agree|agreement sign|signature,signatory ratify|ratification ' +
  'mediate|mediation,mediator balance hedge align|alignment contain|containment deter|deterrence ' +
  'escalate|escalation de-escalate|de-escalation respond|response,responses integrate|integration ' +
  'finance|financing,financier fund!|funding subsidize|subsidy,subsidies export|exporter import|importer ' +
  'trade|trader produce|production,producer consume|consumption,consumer supply|supplier demand ' +
  'regulate|regulation,regulator enforce|enforcement comply|compliance violate|violation,violator ' +
  'sanction monitor inspect|inspection,inspector verify|verification observe|observation,observer ' +
  'assess|assessment evaluate|evaluation analyze|analysis,analyst examine|examination consider|consideration ' +
  'propose|proposal,proposition oppose|opposition,opponent support|supporter resist|resistance ' +
  'compete|competition,competitor dominate|domination,dominance contest|contestation claim ' +
  'patrol transit|transition navigate|navigation occupy|occupation reclaim|reclamation fortify|fortification ' +
  'militarize|militarization arm|armament,armaments disarm|disarmament mobilize|mobilization ' +
  'modernize|modernization industrialize|industrialization urbanize|urbanization digitize|digitization ' +
  'connect|connection,connectivity construct|construction transport|transportation migrate|migration,migrant ' +
  'employ|employment,employer educate|education,educator inform|information train|training,trainee ' +
  'elect|election,elector vote|voter campaign|campaigner legislate|legislation,legislator,legislature ' +
  'administer|administration,administrator manage|management,manager lead|leadership,leader ' +
  'represent|representation,representative participate|participation,participant contribute|contribution ' +
  'benefit|beneficiary depend|dependence,dependency rely|reliance accommodate|accommodation ' +
  'recognize|recognition acknowledge|acknowledgement announce|announcement declare|declaration ' +
  'insist|insistence persist|persistence emerge|emergence,emergency shift transform|transformation ' +
  'stabilize|stabilization destabilize|destabilization reform|reformer restructure|restructuring ' +
  'decline grow|growth recover|recovery expand invest|investor accelerate|acceleration ' +
  'interpret|interpretation perceive|perception anticipate|anticipation predict|prediction ' +
  'pursue|pursuit seek engage|engagement commit!|commitment retaliate|retaliation threaten|threat,threats ' +
  'coerce|coercion persuade|persuasion pressure isolate|isolation exclude|exclusion include|inclusion ' +
  'host visit|visitor meet|meeting,meetings talk discuss|discussion consult|consultation,consultant ' +
  'share explain|explanation justify|justification warn|warning complain|complaint accuse|accusation ' +
  'deny|denial defend|defense,defence,defender attack invade|invasion,invader retreat withdraw|withdrawal'
)
  .split(' ')
  .filter(Boolean);

const NOUNS = (
  'relation relationship tie partner partnership corridor project initiative port border region province ' +
  'state nation country neighbor ally alliance rival rivalry power superpower policy strategy doctrine ' +
  'interest concern challenge issue problem risk crisis conflict dispute war peace ceasefire treaty accord ' +
  'ambassador minister president premier diplomat official leader envoy delegation embassy consulate ' +
  'seminar conference summit forum dialogue council committee commission assembly parliament court ' +
  'military army navy force troop soldier officer commander intelligence agency ministry department ' +
  'economy market bank loan debt deficit budget tariff currency inflation price wage tax revenue ' +
  'infrastructure railway highway pipeline grid dam airport harbor bridge tunnel network cable satellite ' +
  'energy oil gas coal power electricity nuclear reactor fuel mineral resource water river sea ocean ' +
  'island reef shoal strait channel coast coastline maritime territory sovereignty jurisdiction boundary ' +
  'terrorism terrorist insurgent insurgency militant separatist extremist radical group movement faction ' +
  'citizen national worker engineer personnel institution company firm enterprise corporation contractor ' +
  'population community minority majority village city capital district zone area landscape frontier ' +
  'history tradition culture religion ideology identity language heritage legacy memory narrative ' +
  'government regime party coalition opposition election campaign reform constitution law rule order ' +
  'decade year month week day period era moment phase stage wave cycle trend pattern factor element ' +
  'scholar researcher analyst expert observer commentator journalist editor media outlet newspaper report ' +
  'study paper article book chapter volume journal survey index data evidence figure statistic number ' +
  'vehicle aircraft vessel ship submarine missile drone weapon system platform base facility installation ' +
  'technology innovation chip semiconductor software platform internet cyberspace artificial algorithm ' +
  'climate environment pollution emission disaster flood drought earthquake pandemic virus vaccine health ' +
  'food grain rice wheat agriculture farmer fishery fisherman livestock land soil forest ' +
  'student university school campus teacher scholarship exchange tourism tourist pilgrim diaspora ' +
  'refugee migrant asylum camp aid assistance donor grant relief reconstruction rebuilding ' +
  'dynamic impact consequence outcome result effect implication lesson option choice alternative scenario ' +
  'friendship trust suspicion tension hostility rapprochement detente normalization engagement rhetoric ' +
  'statement remark comment speech address interview visit trip tour agenda priority goal objective ' +
  'mechanism framework arrangement architecture order structure balance equilibrium hierarchy hegemony ' +
  'sphere domain arena theater front flank periphery core center hub node gateway route passage lane'
)
  .split(' ')
  .filter(Boolean);

/** `adjective` or `adjective|derived noun`. */
const ADJECTIVES = (
  'strategic economic|economics political|politics diplomatic|diplomacy military|militancy regional ' +
  'bilateral multilateral|multilateralism international|internationalism domestic national|nationalism ' +
  'global|globalization local foreign strong weak stable|stability unstable|instability fragile|fragility ' +
  'secure insecure|insecurity strained mutual|mutuality traditional|tradition broad narrow deep shallow ' +
  'major minor significant|significance substantial practical|practicality legal|legality illegal ' +
  'public private|privacy official informal formal|formality direct indirect open closed ' +
  'recent|recency current|currency future|futurity past present|presence likely|likelihood possible|possibility ' +
  'complex|complexity simple|simplicity difficult|difficulty easy rapid|rapidity slow gradual ' +
  'effective|effectiveness efficient|efficiency necessary|necessity sufficient|sufficiency ' +
  'critical|criticality crucial vital pivotal central|centrality peripheral marginal key primary ' +
  'maritime coastal continental territorial|territoriality border-related cross-border ' +
  'peaceful aggressive|aggression assertive|assertiveness cautious|caution pragmatic|pragmatism ' +
  'ideological|ideology religious|religion ethnic|ethnicity cultural historical|history ' +
  'separatist|separatism militant radical|radicalism extremist|extremism violent|violence ' +
  'fatal|fatality deadly unprecedented rare|rarity frequent|frequency repeated unacceptable ' +
  'perplexing surprising dubious firm|firmness blunt|bluntness explicit implicit ' +
  'financial commercial|commerce industrial|industry technological|technology digital ' +
  'environmental|environment sustainable|sustainability renewable green clean ' +
  'democratic|democracy authoritarian|authoritarianism liberal|liberalism conservative|conservatism ' +
  'sovereign|sovereignty independent|independence autonomous|autonomy federal|federalism ' +
  'nuclear conventional|convention strategic tactical operational|operation structural|structure'
)
  .split(' ')
  .filter(Boolean);

export const PLACES = (
  'China Pakistan India Afghanistan Iran Russia Japan Korea Vietnam Thailand Cambodia Laos Myanmar ' +
  'Malaysia Singapore Indonesia Philippines Brunei Bangladesh Nepal Bhutan Lanka Maldives Mongolia ' +
  'Kazakhstan Uzbekistan Tajikistan Kyrgyzstan Turkmenistan Australia Zealand America Europe Africa ' +
  'Taiwan Tibet Xinjiang Yunnan Sichuan Guangdong Fujian Hainan Beijing Shanghai Hong Kong Macau ' +
  'Islamabad Karachi Lahore Peshawar Quetta Gwadar Balochistan Punjab Sindh Khyber Kashmir Ladakh ' +
  'Delhi Mumbai Kolkata Dhaka Kathmandu Colombo Kabul Tehran Moscow Tokyo Seoul Hanoi Bangkok Jakarta ' +
  'Manila Canberra Washington London Brussels Paris Berlin Geneva Riyadh Dubai Doha Ankara Cairo ' +
  'Himalayas Mekong Indus Ganges Pacific Indian Atlantic Arctic Caucasus Eurasia Asia Gulf Hormuz Malacca'
)
  .split(' ')
  .filter(Boolean);

export const ACRONYMS = (
  'CPEC BRI SCO ASEAN SAARC BRICS APEC RCEP WTO IMF UN NATO QUAD AUKUS EU G20 PLA TTP BLA CPC ' +
  'SEZ FDI GDP LNG PSC SCS UNCLOS AIIB NDB ADB IAEA'
)
  .split(' ')
  .filter(Boolean);

/** Section headings, capitalised in the export the way RCAS prints them. */
export const HEADINGS = [
  'BACKGROUND',
  'IMPLICATIONS',
  'CONCLUSIONS',
  'CONTEXT',
  'ANALYSIS',
  'REGIONAL DYNAMICS',
  'POLICY OPTIONS',
  'WAY FORWARD',
  'ECONOMIC DIMENSIONS',
  'SECURITY DIMENSIONS',
  'DOMESTIC POLITICS',
  'GREAT-POWER COMPETITION',
  'OUTLOOK',
  'RECOMMENDATIONS',
  'CHALLENGES AHEAD',
];

export const VENUES = [
  'The Diplomat',
  'East Asia Forum',
  'The Central Asia-Caucasus Analyst',
  'South China Morning Post',
  'China-US Focus',
  'Bangkok Post',
  'The Jakarta Post',
  'Think China',
  'Global Times',
  'World Affairs',
  'Modern Diplomacy',
  'The Interpreter',
];

export const ROLES = [
  'Deputy Director, The Hong Kong Research Center for Asian Studies (RCAS)',
  'Director, The Hong Kong Research Center for Asian Studies (RCAS)',
  'Senior Research Fellow, The Hong Kong Research Center for Asian Studies (RCAS)',
  'Research Fellow, The Hong Kong Research Center for Asian Studies (RCAS)',
  'Nonresident Fellow, The Hong Kong Research Center for Asian Studies (RCAS)',
  'Research Assistant, The Hong Kong Research Center for Asian Studies (RCAS)',
];

function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function verbForms(spec: string): string[] {
  const double = spec.endsWith('!');
  const base = double ? spec.slice(0, -1) : spec;
  const stem = double ? base + base.at(-1) : base;
  const consonantY = /[^aeiou]y$/.test(base);
  const past = base.endsWith('e') ? `${base}d` : consonantY ? `${base.slice(0, -1)}ied` : `${stem}ed`;
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${stem}ing`;
  return [base, plural(base), past, ing];
}

/** The -ly adverb, or null where English has none ("likely", "closed", "cross-border"). */
function adverb(adjective: string): string | null {
  if (/(ly|ed)$/.test(adjective) || adjective.includes('-')) return null;
  if (['key', 'green', 'future', 'past', 'minor', 'major'].includes(adjective)) return null;
  if (adjective === 'public') return 'publicly';
  if (adjective.endsWith('ic')) return `${adjective}ally`;
  if (adjective.endsWith('le')) return `${adjective.slice(0, -1)}y`;
  if (/[^aeiou]y$/.test(adjective)) return `${adjective.slice(0, -1)}ily`;
  return `${adjective}ly`;
}

/** Every content word form, grouped by lemma family (the families interleave when ranked). */
export function contentFamilies(): string[][] {
  const families: string[][] = [];
  for (const spec of VERBS) {
    const [verb, nouns] = spec.split('|') as [string, string | undefined];
    const derived = (nouns ?? '').split(',').filter(Boolean);
    // A derived noun given in the plural ("armaments", "threats") is not pluralised again.
    families.push([
      ...verbForms(verb),
      ...derived.flatMap((noun) => (noun.endsWith('s') ? [noun] : [noun, plural(noun)])),
    ]);
  }
  for (const noun of NOUNS) families.push([noun, plural(noun)]);
  for (const spec of ADJECTIVES) {
    const [adjective, noun] = spec.split('|') as [string, string | undefined];
    const ly = adverb(adjective);
    families.push([adjective, ...(ly ? [ly] : []), ...(noun ? [noun] : [])]);
  }
  return families;
}
