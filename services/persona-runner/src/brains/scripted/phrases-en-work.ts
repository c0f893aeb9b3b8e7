import { type PhraseBank, phrases } from './phrase-list';

/**
 * English phrases for the work modules (contacts, articles, research, invoices, spaces):
 * the people Marcus, Lena and Paul deal with, what Kai and Julia read and ask.
 */
export const phrasesEnWork: PhraseBank = {
  'contacts.name': phrases(`
    Priya Raman
    Ahmed Haddad
    Sarah O'Connell
    Jonas Lindqvist
    Mei Tanaka
    Carlos Mendes
    Hannah Becker
    Tom Fischer
    Olivia Grant
  `),
  'contacts.company': phrases(
    'Harbor Capital|Fjord Freight|Bloom Bakery|Oakline Studio|Northwind|Keller & Partners',
  ),
  'contacts.role': phrases('Partner|Head of Operations|Founder|Marketing Lead|CFO|Art Director'),
  'contacts.phone': phrases('+44 20 7946 0958|+49 30 901820|+1 415 555 0134|+46 8 123 456 78'),
  'contacts.notes': phrases(`
    met at the logistics summit; interested in routing pilot
    prefers email, replies fast in the mornings
    intro via Lena; follow up after Q4 numbers
    pays on time, loves bold colours!
  `),
  'contacts.tags': phrases('investor|partner|client|lead|press|vendor'),
  'contacts.summary': phrases(`
    Quick call, agreed to send the deck by Thursday.
    Met for coffee, they want a proposal for the spring campaign!
    Emailed the revised quote.
    Caught up after the board meeting; they are in for the next round.
  `),

  'articles.url': phrases(`
    https://martinfowler.com/articles/patterns-of-distributed-systems/
    https://hbr.org/2024/03/the-case-for-fewer-meetings
    https://www.gamedeveloper.com/programming/a-tilemap-renderer-in-one-draw-call
    https://aclanthology.org/2020.acl-main.463/
    https://jvns.ca/blog/2024/02/16/popular-git-config-options/
    https://stratechery.com/2025/logistics-software-and-the-ai-layer/
    https://arxiv.org/abs/2303.08774
    https://blog.pragmaticengineer.com/the-product-minded-engineer/
  `),
  'articles.title': phrases(`
    Patterns of Distributed Systems
    The Case for Fewer Meetings
    A Tilemap Renderer in One Draw Call
    Climbing towards NLU: On Meaning, Form, and Understanding
    Popular git config options
    Logistics software and the AI layer
  `),
  'articles.source': phrases('martinfowler.com|HBR|Game Developer|ACL Anthology|Stratechery|arXiv'),
  'articles.summary': phrases(`
    Argues that meaning cannot be learned from form alone; useful framing for the proposal.
    Cut recurring meetings by a third, measure focus time. Worth trying at Northwind.
    batches all tiles into one mesh; atlas bleeding fixed with half-texel inset.
  `),
  'articles.tags': phrases('engineering|leadership|gamedev|nlp|reading|strategy'),

  'research.question': phrases(`
    Does annotation agreement drop across dialects for sarcasm labels?
    Which transfer setting best predicts low-resource performance?
    How do we operationalise "meaning" for the evaluation in Aim 1?
    Is the 2019 corpus still representative after the platform change?
  `),
  'research.context': phrases(`
    Needed for the methods section of the grant, due in three weeks.
    Reviewer 2 asked for this explicitly.
    Pilot data suggests a gap of roughly 12 points.
  `),
  'research.answer': phrases(`
    Yes, moderately: kappa falls from 0.78 to 0.61 (pilot, n = 400); see notes for the breakdown.
    Cross-lingual transfer from the closest high-resource dialect, per the pilot results.
  `),
  'research.title': phrases(`
    Climbing towards NLU: On Meaning, Form, and Understanding
    Annotator disagreement as signal
    Dialect robustness in sentiment models
    The Corpus of Regional Social Media v2
  `),
  'research.citation': phrases(`
    Bender, E. M., & Koller, A. (2020). ACL, 5185-5198.
    Plank, B. (2022). EMNLP, 10671-10682.
    Ziems, C. et al. (2023). TACL 11, 1-18.
  `),
  'research.notes': phrases('key table on p. 6|method section reusable|dataset licence: CC BY 4.0'),
  'research.tags': phrases('grant|methods|annotation|dialects|evaluation'),

  'invoices.clientName': phrases(
    'Bloom Bakery|Oakline Studio|Fjord Freight|Keller & Partners|Little Fox Coffee',
  ),
  'invoices.description': phrases(`
    Logo design, 3 concepts
    Brand guidelines (24 pages)
    Packaging mockups
    Revision round
    Social media templates
    Design consultation (hours)
  `),
  'invoices.notes': phrases(`
    Thank you! Payment within 14 days, please!
    Bank: IBAN DE89 3704 0044 0532 0130 00
    Happy to work together again!
  `),
  'invoices.query': phrases('bloom|oakline|fjord|keller|fox'),

  'spaces.name': phrases('Paul Design Studio|Northwind HQ|Kai Studio Labs'),
};
