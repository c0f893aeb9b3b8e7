import { type PhraseBank, phrases } from './phrase-list';

/**
 * English phrases for the personal modules (todo, journal, notes, mood, calendar, habits,
 * dreams, goals, library), flavoured for the en archetypes: busy CEOs, a solo developer,
 * a researcher, a freelancer and an overwhelmed newbie.
 */
export const phrasesEn: PhraseBank = {
  '*': phrases('Quick note|Look at this later|Important|Still open|Do not forget'),
  query: phrases('board|invoice|draft|paper|shift|client|release|grant'),
  tag: phrases('work|personal|urgent|later|ideas'),

  'ceo-busy:todo.title': phrases(`
    Board deck v3 to Lena
    Call back Harbor Capital
    Sign off Q4 hiring plan
    Prep 1:1 with CTO
    Review pricing memo
    Intro Ahmed to Priya
    Expense report
  `),
  'overwhelmed-newbie:todo.title': phrases(`
    buy compression socks
    ask Jess about the shift swap
    pay phone bill
    call mom back
    laundry before night shift
    figure out how this app works
    meal prep for the week
    renew nursing license???
  `),
  'solo-dev:todo.title': phrases(
    'ship 0.9.2|fix save-file migration|write changelog|reply to itch.io comments',
  ),
  'todo.title': phrases('Groceries|Pay rent|Tidy desk|Reply to email|Book dentist'),
  'todo.notes': phrases(`
    by Friday at the latest
    check the last email thread first
    takes 5 minutes, just do it
    waiting on a reply
  `),
  'todo.tags': phrases('work|home|urgent|errands|shift|followup'),

  'ceo-busy:journal.body': phrases(`
    Long day. Board prep ate the afternoon, but the team pulled it together. Home by eight, kids asleep.
    Hard conversation with a direct report today. Handled it better than last time. Need more sleep.
    Good week overall. Northwind shipped the routing release; customers noticed. Grateful for this team.
    Too many meetings, not enough thinking time. Blocking Friday mornings from now on.
  `),
  'overwhelmed-newbie:journal.body': phrases(`
    night shift #3. my feet hurt so much. is it normal to feel this tired after 3 shifts??
    a patient thanked me today and i almost cried in the supply room lol
    i dont get half of this app but the list thing helps. slept 4 hours.
    charge nurse was nice to me. still feel like i dont know anything
    missed a call from mom again. i need a routine that isnt just work and sleep
  `),
  'journal.body': phrases(`
    Quiet day. Got the important thing done and left the rest.
    Felt scattered this morning, better after a walk.
    Productive, but I skipped lunch again.
  `),
  'journal.title': phrases('Monday|Long day|Small win|Reset|Tired but ok'),
  'journal.tags': phrases('work|family|health|sleep|gratitude'),

  'solo-dev:notes.title': phrases(`
    devlog 2026-w48
    save format v3 spec
    perf: tilemap batching
    ideas: node editor ux
    release checklist
  `),
  'researcher:notes.title': phrases(`
    Reading notes: Bender & Koller (2020)
    Grant proposal: aims outline
    Methods: annotation protocol
    Reviewer 2 response draft
    Corpus statistics summary
  `),
  'ceo-busy:notes.title': phrases(
    'Board meeting prep|1:1 notes CTO|Hiring priorities|Offsite agenda',
  ),
  'notes.title': phrases('Notes|Ideas|List|Remember'),
  'solo-dev:notes.body': phrases(`
    batch draw calls per tileset; measured 3.1ms -> 0.8ms on the test map. keep an eye on atlas bleeding
    save v3: add version byte, migrate v2 on load, never write v2 again
    node editor: snapping feels off at 150% zoom. repro: drag fast, release near port
    checklist: bump version, changelog, tag, build win/mac/linux, upload, post devlog
  `),
  'researcher:notes.body': phrases(`
    Main claim: form alone does not yield meaning (pp. 5185-5198). Counterpoint in Merrill et al. (2021).
    Aim 1 measures annotation agreement across three dialects; Aim 2 tests transfer. Budget: 2 RAs.
    Protocol: two annotators per item, adjudication for kappa below 0.7, guidelines v2.3.
  `),
  'notes.body': phrases(`
    Agenda: numbers first, then people, then the ask.
    Keep it short. Three bullets max.
    Follow up on the open points next week.
  `),
  'notes.appendText': phrases(`
    update: confirmed with the team
    + check numbers again before sending
    Addendum: see follow-up thread
  `),
  'notes.tags': phrases('devlog|ideas|reading|grant|meetings|spec'),

  'mood.note': phrases(
    'rough night shift|actually a good day!|anxious before the review|calm after a run',
  ),
  'mood.emotions': phrases('tired|happy|stressed|calm|anxious|grateful|irritated|motivated|sad'),
  emotions: phrases('tired|happy|stressed|calm|grateful|motivated'),
  emotion: phrases('tired|happy|stressed|calm'),

  'ceo-busy:calendar.title': phrases(`
    Board meeting
    Investor call: Harbor Capital
    1:1 CTO
    Leadership sync
    Customer dinner: Fjord Freight
    Offsite planning
  `),
  'freelancer:calendar.title': phrases(`
    Kickoff call: Bloom Bakery rebrand
    Logo review with Oakline
    Studio day: packaging mockups
    Coffee with a potential client
    Invoice follow-up calls
  `),
  'calendar.title': phrases('Meeting|Call|Appointment|Check-in'),
  'calendar.location': phrases(
    'Northwind HQ, Room 4|Zoom|Shared studio, 2nd floor|The Daily Grind cafe|Client office',
  ),
  'calendar.notes': phrases(
    'bring the deck|agenda in the shared doc|send recap after|15 min buffer before',
  ),

  'habits.name': phrases('Run|Read 20 pages|Drink water|Stretch|No phone after 10pm|Journal'),
  'habits.description': phrases(
    'a little every day|at least 10 minutes|first thing in the morning',
  ),
  'habits.note': phrases('short one today|felt great|almost skipped it'),

  'solo-dev:goals.title': phrases(`
    Ship 1.0 of the level editor
    Reach 500 paying users
    Write 12 devlogs this quarter
    Cut build time under 2 minutes
  `),
  'goals.title': phrases('Run a 10k|Read 12 books|Save an emergency fund'),
  'goals.description': phrases(`
    measurable, boring, doable. weekly check-ins.
    one small step every week
    revisit at the end of the quarter
  `),
  'goals.note': phrases(
    'fixed the last blocker|slow week, kids were sick|big jump after the release|+1 devlog',
  ),

  'library.title': phrases(`
    The Pragmatic Programmer
    A Philosophy of Software Design
    Game Programming Patterns
    Designing Data-Intensive Applications
    Crafting Interpreters
    The Art of Game Design
  `),
  'library.author': phrases(
    'Andrew Hunt|John Ousterhout|Robert Nystrom|Martin Kleppmann|Jesse Schell',
  ),
  'library.notes': phrases('recommended on the gamedev discord|re-read ch. 4|good on deep modules'),
  'library.tags': phrases('programming|design|gamedev|architecture|craft'),

  'dreams.title': phrases('Flying over the city|The endless hallway|Late for the exam'),
  'dreams.description': phrases(`
    I was walking down a hallway that kept getting longer, and every door opened onto the sea.
    I could fly, but only a few metres above the street, and everyone pretended not to notice.
  `),
  'dreams.emotions': phrases('curious|anxious|peaceful|confused'),
  'dreams.tags': phrases('flying|water|school|recurring'),
};
