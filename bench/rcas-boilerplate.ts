/**
 * The publisher boilerplate every RCAS export carries (copied from the export in content/), so that the
 * generated files make the content build separate it from the article exactly as it must for real ones.
 */
export const RCAS_ABOUT: readonly string[] = [
  '香港亞洲研究中心| The Hong Kong Research Center for Asian Studies (RCAS) is a nonprofit research organization focusing on Asian affairs. It is a newly established institution founded in February 2022 by Dr. Nian Peng in Haikou and subsequently moved to Hong Kong in September 2023. We currently have an international research team with nearly 100 resident/nonresident researchers from China and other countries.',
  "RCAS aims to become a leading research institute and think tank on Asian affairs in the Indo-Pacific region. To date, RCAS has conducted research programs on maritime disputes in the South China Sea (SCS), China's relations with the Indo-Pacific states, the Belt and Road Initiative (BRI), terrorism/counterterrorism in the Afg-Pak region, and so on. It is committed to promoting maritime cooperation, regional integration, and regional peace in the Indo-Pacific region at large.",
  "RCAS has published nearly ten books in Chinese and English and more than 20 papers in SSCI/SCOPUS/CSSCI-indexed journals. Recent English publications include *Populism, Nationalism and South China Sea Dispute: Chinese and Southeast Asian Perspectives* (Singapore: Springer Nature, 2022); *Pakistan's Foreign Policy: Contemporary Developments and Dynamics* (London: Routledge, 2022); *Crossing the Himalayas: Buddhist Ties, Regional Integration and Great-Power Rivalry* (Singapore: Springer Nature, 2021); *The Reshaping of China-Southeast Asia Relations in Light of the COVID-19 Pandemic* (Singapore: Springer Nature, 2021); *Territorial Disputes, The Role of Leaders and The Impact of Quad: A Triangular Explanation of China-India Border Escalations* (2023); *Managing the South China Sea Dispute: Multilateral and Bilateral Approaches* (2022); *China-Pakistan Cooperation on Afghanistan: Assessing Key Interests and Implementing Strategies* (2022); *Hedging Against the Dragon: Myanmar's Tangled Relations with China since 1988* (2021); and *China-Pakistan Conventional Arms Trade: An Appraisal of Supplier's and Recipient's Motives* (2020).",
  'RCAS has also published hundreds of articles, and its researchers have been interviewed in various local and international media outlets, such as *The Diplomat* in the United States, *East Asian Forum (EAF)* in Australia, *Bangkok Post* in Thailand, *Jakarta Post* in Indonesia, *Lian He Zao Bao*, *Think China* in Singapore, *South China Morning Post (SCMP)*, *China-US Focus* in Hong Kong, *CGTN*, *Global Times*, *World Affairs* in China. RCAS researchers have actively participated in international conferences or study visits in the United States, India, Pakistan, Sri Lanka, Nepal, Myanmar, Cambodia, and other places.',
  'Welcome to visit our website: <http://www.rcas.top>.',
];

export const RCAS_CONTACT: readonly string[] = [
  'Address: 1507B, EASTCORE1, No.398, Kwun Tong, Kooloon, Hong Kong',
  'Ph: 00852 2397 7886|Email: hkrcas@163.com|Web: www.rcas.top',
];
