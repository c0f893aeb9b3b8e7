import { type PhraseBank, phrases } from './phrase-list';

/**
 * German phrases for the de personas (Anna and Ben: ADHS-Studis in Leipzig; Sofia and Tom:
 * Illustratorin und Tontechniker mit Kind in Hamburg), per module and field.
 */
export const phrasesDe: PhraseBank = {
  '*': phrases('Kurz notiert|Später nochmal ansehen|Wichtig|Noch offen|Nicht vergessen'),
  query: phrases('uni|kita|einkauf|idee|termin|arzt|hausarbeit|laufen'),
  tag: phrases('uni|privat|haushalt|kita|ideen|wichtig'),

  'adhd-student:todo.title': phrases(`
    Hausarbeit Kapitel 2 anfangen (wirklich!!)
    Mail an Prof. Weber wegen Abgabe
    Bib-Bücher zurückbringen
    Statistik-Übungsblatt 5
    Wäsche aufhängen bevor sie wieder müffelt
    Semesterbeitrag überweisen
    Ladekabel suchen
    Referat-Folien fertig machen
    Einkaufen: Hafermilch, Nudeln, Kaffee
    Schicht im Fahrradladen tauschen
  `),
  'creative-parent:todo.title': phrases(`
    Kita-Anmeldung für Frühjahr abgeben
    Kinderarzt: U9 Termin ausmachen
    Gummistiefel Größe 28 kaufen
    Fahrradsitz montieren
    Geburtstagsgeschenk für Lotte
    Steuerunterlagen sortieren
    Mikrofon-Kabel fürs Theater bestellen
    Wocheneinkauf planen
    Skizzen an den Verlag schicken
  `),
  'todo.title': phrases('Einkaufen|Rechnung bezahlen|Zimmer aufräumen|Anrufen'),
  'todo.notes': phrases(`
    Bis spätestens Freitag, sonst wird's eng
    Liste liegt auf dem Kühlschrank
    Vorher nochmal die Mail lesen
    Geht schnell, einfach machen
    Mit Anna/Tom absprechen
  `),
  'todo.tags': phrases('uni|haushalt|einkauf|kita|arbeit|dringend|später'),

  'adhd-student:journal.body': phrases(`
    heute wieder 20 tabs offen gehabt und am ende nix geschafft… aber immerhin beim sport gewesen
    Vorlesung war überraschend gut, hab sogar mitgeschrieben. Abends dann Serien-Loch.
    Hab die Abgabe endlich angefangen!! 2 Seiten. Kleine Schritte und so.
    Kopf war voll, Medikamente zu spät genommen, nachmittags ging dann gar nichts mehr.
    Mit Ben gekocht, war schön. Morgen früh aufstehen, Wecker 3x stellen.
    Zu viel Kaffee, zu wenig Schlaf. Aber die Präsentation lief okay.
  `),
  'creative-parent:journal.body': phrases(`
    Der Morgen roch nach Regen und Toast. Lotte hat ein Pferd mit sechs Beinen gemalt – ich auch bald.
    Heute drei Skizzen für den Verlag, eine davon fühlt sich richtig an. Der Rest ist Rauschen.
    Müde. Kita-Abholung, Abendessen, Zähneputzen, und dann war der Tag einfach weg.
    Am Hafen gewesen, das Licht war bleigrau und weich. Will das in die nächste Serie bringen.
    Streit wegen Kleinkram, dann Versöhnung beim Spülen. So sind wir halt.
    Probe im Theater lief lang, aber der Sound war endlich sauber.
  `),
  'journal.body': phrases('Ein ganz normaler Tag.|Heute war viel los.|Ruhiger Abend.'),
  'journal.title': phrases(
    'Dienstagschaos|Endlich Wochenende|Kleiner Erfolg|Regentag|Müde aber ok',
  ),
  'journal.tags': phrases('uni|familie|arbeit|gefühle|schlaf|kreativ'),

  'adhd-student:notes.title': phrases(`
    Ideen Hausarbeit
    Lernplan Klausurenphase
    Rezepte für faule Tage
    Serien-Liste
    Fragen an die Therapeutin
    Passwörter-Hinweise (nicht die echten!)
  `),
  'creative-parent:notes.title': phrases(`
    Bildideen Herbstserie
    Farbpalette Hafenbilder
    Kita-Elternabend Notizen
    Einkaufsliste Woche
    Geschenkideen Weihnachten
    Mikrofonierung Stück "Die Möwe"
  `),
  'notes.title': phrases('Notiz|Ideen|Liste|Merken'),
  'notes.body': phrases(`
    - Thema eingrenzen - Literatur: mind. 5 Quellen - Gliederung bis Mittwoch
    Blau-grau, rostrot, ein Hauch Ocker. Große Flächen, kleine Figuren.
    Montag: Nudeln, Dienstag: Linsen, Mittwoch: Reste
    Fragen: Wie lange noch? Wer holt ab? Was brauchen wir?
    Lotte mag gerade Dinos und Leuchttürme
    Erst Struktur, dann Details. Nicht alles gleichzeitig!
  `),
  'notes.appendText': phrases(`
    Nachtrag: doch erst nächste Woche
    + noch Milch
    Idee: mit Aquarell statt Gouache probieren
    Update: erledigt, bis auf den letzten Punkt
  `),
  'notes.tags': phrases('ideen|uni|kreativ|familie|listen|theater'),

  'mood.note': phrases(`
    eher meh, zu wenig geschlafen
    richtig guter Tag, alles geschafft!
    unruhig, Kopf dreht sich
    ruhig und zufrieden nach dem Spaziergang
    gestresst wegen der Abgabe
    müde, aber glücklich
  `),
  'mood.emotions': phrases(
    'müde|froh|gestresst|ruhig|ängstlich|dankbar|gereizt|motiviert|traurig|verspielt',
  ),
  emotions: phrases('müde|froh|gestresst|ruhig|dankbar|motiviert'),
  emotion: phrases('müde|froh|gestresst|ruhig'),

  'adhd-student:calendar.title': phrases(`
    Vorlesung Kognitive Psychologie
    Schicht Fahrradladen
    Lerngruppe Statistik
    Therapie
    Sprechstunde Prof. Weber
    Laufen mit Anna
  `),
  'creative-parent:calendar.title': phrases(`
    Kita-Elternabend
    Kinderarzt U9
    Probe "Die Möwe"
    Abgabe Verlag
    Oma kommt zu Besuch
    Schwimmkurs Lotte
  `),
  'calendar.title': phrases('Termin|Treffen|Arzt|Besprechung'),
  'calendar.location': phrases(
    'Hörsaal 3, Campus Augustusplatz|Kita Sonnenblume|Thalia Theater|Praxis Dr. Meier|Zuhause',
  ),
  'calendar.notes': phrases(`
    Unterlagen mitnehmen
    10 Minuten früher da sein
    Lotte abholen danach
    Fahrrad statt Bahn
  `),

  'habits.name': phrases(
    'Laufen|Meditieren|Wasser trinken|Lesen vor dem Schlafen|Zeichnen|Dehnen|Früh ins Bett|Handy weg ab 22 Uhr|Tagebuch schreiben|Vokabeln',
  ),
  'habits.description': phrases(`
    Jeden Tag ein bisschen, Hauptsache dranbleiben
    Mindestens 10 Minuten
    Morgens, bevor der Tag losgeht
    Abends als Ritual
  `),
  'habits.note': phrases('heute nur kurz|lief super|mit Lotte zusammen|im Regen, trotzdem'),

  'dreams.title': phrases(
    'Fliegende Straßenbahn|Das Haus mit den vielen Türen|Am Meer ohne Wasser|Zähne fallen aus|Die singende Katze|Prüfung vergessen',
  ),
  'dreams.description': phrases(`
    Ich stand in einem Haus, das immer neue Zimmer bekam. Hinter jeder Tür war ein anderes Licht.
    Wir fuhren mit der Straßenbahn über die Dächer von Hamburg, Lotte lachte und winkte den Möwen.
    Der Strand war da, aber das Meer fehlte. Nur Sand und ein leises Rauschen irgendwo.
    Eine Katze sang in einem leeren Theater, und ich sollte den Ton aussteuern, fand aber die Regler nicht.
    Ich malte und die Farben liefen vom Papier in den Fluss hinein.
  `),
  'dreams.emotions': phrases('staunend|ängstlich|friedlich|verwirrt|sehnsüchtig|froh'),
  'dreams.tags': phrases('wasser|fliegen|haus|familie|wiederkehrend'),
};
