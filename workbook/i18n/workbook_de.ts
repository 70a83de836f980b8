<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>The data folder {folder} cannot be created:
{reason}</source>
        <translation>Der Datenordner {folder} kann nicht angelegt werden:
{reason}</translation>
    </message>
    <message>
        <source>The workbook cannot start: {problem}.</source>
        <translation>Das Workbook kann nicht starten: {problem}.</translation>
    </message>
    <message>
        <source>The workbook is already open with this data folder.

Switch to that window, or close it first.</source>
        <translation>Das Workbook ist mit diesem Datenordner bereits geöffnet.

Wechseln Sie zu diesem Fenster oder schließen Sie es zuerst.</translation>
    </message>
    <message>
        <source>The progress database cannot be opened:

{error}</source>
        <translation>Die Fortschrittsdatenbank kann nicht geöffnet werden:

{error}</translation>
    </message>
    <message>
        <source>Your progress database is damaged.

{damage}

Quit the workbook and start it again: it will check the file and offer to restore a backup. Nothing is deleted.</source>
        <translation>Ihre Fortschrittsdatenbank ist beschädigt.

{damage}

Beenden Sie das Workbook und starten Sie es neu: Es prüft die Datei und bietet an, eine Sicherung wiederherzustellen. Nichts wird gelöscht.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your saved progress is safe. Details were written to workbook.log in the data folder.</source>
        <translation>Etwas ist schiefgegangen: {error}

Ihr gespeicherter Fortschritt ist sicher. Einzelheiten stehen in workbook.log im Datenordner.</translation>
    </message>
</context>
<context>
    <name>BreathingDialog</name>
    <message>
        <source>A minute to reset</source>
        <translation>Eine Minute zum Durchatmen</translation>
    </message>
    <message>
        <source>Follow the circle. Breathe in as it grows, out slowly as it shrinks.</source>
        <translation>Folgen Sie dem Kreis. Atmen Sie ein, während er wächst, und langsam aus, während er schrumpft.</translation>
    </message>
    <message>
        <source>&amp;Skip (Esc)</source>
        <translation>Ü&amp;berspringen (Esc)</translation>
    </message>
    <message>
        <source>Well done. Ready for the next call.</source>
        <translation>Gut gemacht. Bereit für den nächsten Anruf.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>Einatmen</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>Ausatmen</translation>
    </message>
    <message>
        <source>Breath {number} of {total}</source>
        <translation>Atemzug {number} von {total}</translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <source>Call cannot be resumed</source>
        <translation>Anruf kann nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>The script of “{title}” has changed since this call was started, so it cannot be resumed. A new call starts instead.</source>
        <translation>Das Skript von „{title}“ hat sich geändert, seit dieser Anruf begonnen wurde; er kann daher nicht fortgesetzt werden. Stattdessen beginnt ein neuer Anruf.</translation>
    </message>
    <message>
        <source>The coach rules cannot be read, so this call offers its scripted replies throughout (the Own-words drill on the home screen says why).</source>
        <translation>Die Coach-Regeln können nicht gelesen werden, daher bietet dieser Anruf durchgehend die vorgegebenen Antworten an (die Übung „In eigenen Worten“ auf der Startseite nennt den Grund).</translation>
    </message>
    <message>
        <source>Reply not read</source>
        <translation>Antwort nicht gelesen</translation>
    </message>
    <message>
        <source>The coach could not read your reply: {error}</source>
        <translation>Der Coach konnte Ihre Antwort nicht lesen: {error}</translation>
    </message>
    <message>
        <source>Debrief unavailable</source>
        <translation>Auswertung nicht verfügbar</translation>
    </message>
    <message>
        <source>The script of “{title}” has changed since this call was played, so its debrief cannot be drawn again.</source>
        <translation>Das Skript von „{title}“ hat sich geändert, seit dieser Anruf geführt wurde; seine Auswertung kann daher nicht erneut erstellt werden.</translation>
    </message>
</context>
<context>
    <name>CallHtml</name>
    <message>
        <source>The caller took it as a &lt;b&gt;best&lt;/b&gt; reply.</source>
        <translation>Der Anrufer hat sie als &lt;b&gt;beste&lt;/b&gt; Antwort aufgenommen.</translation>
    </message>
    <message>
        <source>The caller took it as an &lt;b&gt;okay&lt;/b&gt; reply.</source>
        <translation>Der Anrufer hat sie als &lt;b&gt;brauchbare&lt;/b&gt; Antwort aufgenommen.</translation>
    </message>
    <message>
        <source>The caller took it as a &lt;b&gt;poor&lt;/b&gt; reply.</source>
        <translation>Der Anrufer hat sie als &lt;b&gt;schwache&lt;/b&gt; Antwort aufgenommen.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>The caller hangs up. The line goes quiet.</source>
        <translation>Der Anrufer legt auf. Die Leitung ist still.</translation>
    </message>
    <message>
        <source>Call ended: {outcome}</source>
        <translation>Anruf beendet: {outcome}</translation>
    </message>
    <message>
        <source>Call not finished</source>
        <translation>Anruf nicht beendet</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>{best} of {total}</source>
        <translation>{best} von {total}</translation>
    </message>
    <message>
        <source>Simulated CSAT</source>
        <translation>Simulierte Kundenzufriedenheit (CSAT)</translation>
    </message>
    <message>
        <source>First contact resolution</source>
        <translation>Lösung beim Erstkontakt</translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation>Bearbeitungszeit</translation>
    </message>
    <message>
        <source>Best replies</source>
        <translation>Beste Antworten</translation>
    </message>
    <message>
        <source>Skill score</source>
        <translation>Fähigkeitswert</translation>
    </message>
    <message>
        <source>Replay from here</source>
        <translation>Ab hier neu spielen</translation>
    </message>
    <message>
        <source>Turn {number}</source>
        <translation>Runde {number}</translation>
    </message>
    <message>
        <source>Skills on this call</source>
        <translation>Fähigkeiten in diesem Anruf</translation>
    </message>
    <message>
        <source>Points your replies earned of the most the replies you were offered could earn; a reply that breaks a skill takes points away.</source>
        <translation>Punkte, die Ihre Antworten erzielt haben, gemessen am Höchstwert der angebotenen Antworten; eine Antwort, die gegen eine Fähigkeit verstößt, zieht Punkte ab.</translation>
    </message>
    <message>
        <source>Points the learner&apos;s replies earned of the most the replies they were offered could earn; a reply that breaks a skill takes points away.</source>
        <translation>Punkte, die die Antworten der lernenden Person erzielt haben, gemessen am Höchstwert der angebotenen Antworten; eine Antwort, die gegen eine Fähigkeit verstößt, zieht Punkte ab.</translation>
    </message>
    <message>
        <source>The call, turn by turn</source>
        <translation>Der Anruf, Runde für Runde</translation>
    </message>
    <message>
        <source>It meets this call&apos;s own line of the certificate: it ended well.</source>
        <translation>Er erfüllt die eigene Zeile dieses Anrufs im Zertifikat: Er ist gut ausgegangen.</translation>
    </message>
    <message>
        <source>This call counts toward your certificate: it ended well with a skill score of at least {bar}%.</source>
        <translation>Dieser Anruf zählt für Ihr Zertifikat: Er ist gut ausgegangen, mit einem Fähigkeitswert von mindestens {bar} %.</translation>
    </message>
    <message>
        <source>This call counts toward your certificate: it ended well.</source>
        <translation>Dieser Anruf zählt für Ihr Zertifikat: Er ist gut ausgegangen.</translation>
    </message>
    <message>
        <source>This call does not count toward the {count} practice calls your certificate needs: it ended well, but its skill score is below {bar}%.</source>
        <translation>Dieser Anruf zählt nicht zu den {count} Übungsanrufen, die Ihr Zertifikat braucht: Er ist gut ausgegangen, aber sein Fähigkeitswert liegt unter {bar} %.</translation>
    </message>
    <message>
        <source>This call does not count toward your certificate: a call counts when it ends well with a skill score of at least {bar}%.</source>
        <translation>Dieser Anruf zählt nicht für Ihr Zertifikat: Ein Anruf zählt, wenn er gut ausgeht, mit einem Fähigkeitswert von mindestens {bar} %.</translation>
    </message>
    <message>
        <source>This call does not count toward your certificate: a call counts when it ends well.</source>
        <translation>Dieser Anruf zählt nicht für Ihr Zertifikat: Ein Anruf zählt, wenn er gut ausgeht.</translation>
    </message>
    <message>
        <source>turn {number} {points}</source>
        <translation>Runde {number} {points}</translation>
    </message>
    <message>
        <source>no turn</source>
        <translation>keine Runde</translation>
    </message>
    <message>
        <source>{earned} of 1 point ({moves})</source>
        <translation>{earned} von 1 Punkt ({moves})</translation>
    </message>
    <message>
        <source>{earned} of {possible} points ({moves})</source>
        <translation>{earned} von {possible} Punkten ({moves})</translation>
    </message>
    <message>
        <source>Handing over was the right call here.</source>
        <translation>Die Weitergabe war hier die richtige Entscheidung.</translation>
    </message>
    <message>
        <source>This handover was avoidable: the problem was within your reach.</source>
        <translation>Diese Weitergabe war vermeidbar: Das Problem hätten Sie selbst lösen können.</translation>
    </message>
    <message>
        <source>A better line:</source>
        <translation>Eine bessere Formulierung:</translation>
    </message>
    <message>
        <source>You:</source>
        <translation>Sie:</translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation>Lernende Person:</translation>
    </message>
    <message>
        <source>mood {change}</source>
        <translation>Stimmung {change}</translation>
    </message>
    <message>
        <source>learner&apos;s pick</source>
        <translation>Wahl der lernenden Person</translation>
    </message>
    <message>
        <source>your pick</source>
        <translation>Ihre Wahl</translation>
    </message>
    <message>
        <source>As shown:</source>
        <translation>So angezeigt:</translation>
    </message>
    <message>
        <source>The learner, in their own words:</source>
        <translation>Die lernende Person, in eigenen Worten:</translation>
    </message>
    <message>
        <source>You, in your own words:</source>
        <translation>Sie, in eigenen Worten:</translation>
    </message>
    <message>
        <source>The script&apos;s best line here:</source>
        <translation>Die beste Formulierung des Skripts an dieser Stelle:</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <source>Your reply (keys 1–{last}):</source>
        <translation>Ihre Antwort (Tasten 1–{last}):</translation>
    </message>
    <message>
        <source>Your reply, in your own words:</source>
        <translation>Ihre Antwort, in eigenen Worten:</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Back to the modules (Esc). The call is saved; resume it later.</source>
        <translation>Zurück zu den Modulen (Esc). Der Anruf ist gespeichert; Sie können ihn später fortsetzen.</translation>
    </message>
    <message>
        <source>Simulated handle time</source>
        <translation>Simulierte Bearbeitungszeit</translation>
    </message>
    <message>
        <source>Caller&apos;s mood</source>
        <translation>Stimmung des Anrufers</translation>
    </message>
    <message>
        <source>CALLER&apos;S MOOD</source>
        <translation>STIMMUNG DES ANRUFERS</translation>
    </message>
    <message>
        <source>Call transcript</source>
        <translation>Gesprächsverlauf</translation>
    </message>
    <message>
        <source>See the &amp;debrief</source>
        <translation>Zur &amp;Auswertung</translation>
    </message>
    <message>
        <source>Your reply in your own words</source>
        <translation>Ihre Antwort in eigenen Worten</translation>
    </message>
    <message>
        <source>Type what you would say, then press Ctrl+Enter.</source>
        <translation>Schreiben Sie, was Sie sagen würden, und drücken Sie dann Strg+Enter.</translation>
    </message>
    <message>
        <source>&amp;Say it</source>
        <translation>Sa&amp;gen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Enter</translation>
    </message>
    <message>
        <source>The coach listens for: the feeling acknowledged, an apology or ownership, a clarifying question, a next step with a time frame; and for blame, judging or correcting, “calm down”, jargon, promises you cannot keep and closing the door. The caller reacts to what it hears.</source>
        <translation>Der Coach achtet auf: anerkannte Gefühle, eine Entschuldigung oder Verantwortung, eine klärende Frage, einen nächsten Schritt mit Zeitrahmen; und auf Schuldzuweisungen, Urteilen oder Belehren, „Beruhigen Sie sich“, Fachjargon, Versprechen, die Sie nicht halten können, und das Abblocken. Der Anrufer reagiert auf das, was er hört.</translation>
    </message>
    <message>
        <source>{count} characters: keep a reply under {limit}, as you would say it in one go.</source>
        <translation>{count} Zeichen: Halten Sie eine Antwort unter {limit}, so wie Sie sie in einem Zug sagen würden.</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>&amp;Play again</source>
        <translation>&amp;Noch einmal spielen</translation>
    </message>
    <message>
        <source>&amp;Back to modules</source>
        <translation>&amp;Zurück zu den Modulen</translation>
    </message>
    <message>
        <source>Take a &amp;minute to reset…</source>
        <translation>Eine &amp;Minute durchatmen…</translation>
    </message>
    <message>
        <source>A short paced-breathing exercise: composure is a skill too</source>
        <translation>Eine kurze Atemübung: Gelassenheit ist auch eine Fähigkeit</translation>
    </message>
    <message>
        <source>Practice call: {title}</source>
        <translation>Übungsanruf: {title}</translation>
    </message>
    <message>
        <source>Key {number}</source>
        <translation>Taste {number}</translation>
    </message>
    <message>
        <source>Debrief: {title}</source>
        <translation>Auswertung: {title}</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>skills {percent}%</source>
        <translation>Fähigkeiten {percent} %</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Back to the modules (Esc)</source>
        <translation>Zurück zu den Modulen (Esc)</translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation>Übungsanrufe</translation>
    </message>
    <message>
        <source>Each call with its best outcome. Open a call to play it, or a past call to read its debrief again.</source>
        <translation>Jeder Anruf mit seinem besten Ergebnis. Öffnen Sie einen Anruf, um ihn zu spielen, oder einen früheren Anruf, um seine Auswertung erneut zu lesen.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Practice calls and your past calls</source>
        <translation>Übungsanrufe und Ihre bisherigen Anrufe</translation>
    </message>
    <message>
        <source>&amp;Play this call</source>
        <translation>Diesen Anruf s&amp;pielen</translation>
    </message>
    <message>
        <source>Open the &amp;debrief</source>
        <translation>&amp;Auswertung öffnen</translation>
    </message>
    <message>
        <source>Call {number} (replayed)</source>
        <translation>Anruf {number} (wiederholt)</translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation>Anruf {number}</translation>
    </message>
    <message>
        <source>{ending} (not counted)</source>
        <translation>{ending} (nicht gezählt)</translation>
    </message>
    <message>
        <source>Enter opens this call&apos;s debrief</source>
        <translation>Enter öffnet die Auswertung dieses Anrufs</translation>
    </message>
    <message>
        <source>Replayed from its saved choices, this call does not end this way, so the checklist does not count it</source>
        <translation>Aus den gespeicherten Antworten nachgespielt endet dieser Anruf nicht so, deshalb zählt die Checkliste ihn nicht</translation>
    </message>
</context>
<context>
    <name>CertificateController</name>
    <message>
        <source>Issuing your certificate</source>
        <translation>Ihr Zertifikat wird ausgestellt</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Zertifikat ausgestellt</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>Certificate not issued</source>
        <translation>Zertifikat nicht ausgestellt</translation>
    </message>
    <message>
        <source>The certificate could not be written to {folder}:

{error}</source>
        <translation>Das Zertifikat konnte nicht in {folder} geschrieben werden:

{error}</translation>
    </message>
    <message>
        <source>The certificate was not issued: {error}</source>
        <translation>Das Zertifikat wurde nicht ausgestellt: {error}</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Zertifikat prüfen</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Checking the certificate</source>
        <translation>Zertifikat wird geprüft</translation>
    </message>
    <message>
        <source>Genuine: this certificate is valid.</source>
        <translation>Echt: Dieses Zertifikat ist gültig.</translation>
    </message>
    <message>
        <source>Tampered: this file was changed after it was issued.</source>
        <translation>Verändert: Diese Datei wurde nach der Ausstellung geändert.</translation>
    </message>
    <message>
        <source>Unknown issuer: the key that signed it is not trusted here.</source>
        <translation>Unbekannter Aussteller: Dem Schlüssel, der es signiert hat, wird hier nicht vertraut.</translation>
    </message>
    <message>
        <source>Not a trusted issuer: the PC that signed it is trusted for progress only.</source>
        <translation>Kein vertrauenswürdiger Aussteller: Dem PC, der es signiert hat, wird nur für Fortschritt vertraut.</translation>
    </message>
    <message>
        <source>Not in the register: the issuing PC never recorded it.</source>
        <translation>Nicht im Register: Der ausstellende PC hat es nie verzeichnet.</translation>
    </message>
    <message>
        <source>Superseded: it was issued again since.</source>
        <translation>Ersetzt: Es wurde seitdem neu ausgestellt.</translation>
    </message>
    <message>
        <source>Not a workbook certificate.</source>
        <translation>Kein Zertifikat des Workbooks.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Certificate check</source>
        <translation>Zertifikatsprüfung</translation>
    </message>
    <message>
        <source>Certificate valid</source>
        <translation>Zertifikat gültig</translation>
    </message>
    <message>
        <source>Certificate not valid</source>
        <translation>Zertifikat nicht gültig</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Certificate {id}</source>
        <translation>Zertifikat {id}</translation>
    </message>
    <message>
        <source>Preview of the certificate for {name}</source>
        <translation>Vorschau des Zertifikats für {name}</translation>
    </message>
    <message>
        <source>Certificate &lt;b&gt;{id}&lt;/b&gt; for {name} is signed and recorded. Anyone with the workbook can check it: workbook verify-certificate FILE.pdf</source>
        <translation>Zertifikat &lt;b&gt;{id}&lt;/b&gt; für {name} ist signiert und erfasst. Jede Person mit dem Workbook kann es prüfen: workbook verify-certificate DATEI.pdf</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>S&amp;peichern unter…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation>Zertifikat speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The certificate could not be saved to {file}:

{reason}</source>
        <translation>Das Zertifikat konnte nicht unter {file} gespeichert werden:

{reason}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation>Gespeichert unter {file}</translation>
    </message>
</context>
<context>
    <name>CertificateSettingsDialog</name>
    <message>
        <source>Certificate settings</source>
        <translation>Zertifikat-Einstellungen</translation>
    </message>
    <message>
        <source>Bundled mark (leave empty)</source>
        <translation>Mitgeliefertes Zeichen (leer lassen)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Trainer name:</source>
        <translation>Name &amp;Trainer/in:</translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation>&amp;Seitenformat:</translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or JPEG):</source>
        <translation>&amp;Logo (PNG oder JPEG):</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ChecklistGroup</name>
    <message>
        <source>Reading</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation>Übungsanrufe</translation>
    </message>
    <message numerus="yes">
        <source>{group}: {met} of %n done</source>
        <translation>
            <numerusform>{group}: {met} von %n erledigt</numerusform>
            <numerusform>{group}: {met} von %n erledigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoiceView</name>
    <message>
        <source>Pick all that apply ({keys} toggle)</source>
        <translation>Alle zutreffenden wählen ({keys} schalten um)</translation>
    </message>
    <message>
        <source>Pick one ({keys})</source>
        <translation>Eine Antwort wählen ({keys})</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Anrufer:</translation>
    </message>
</context>
<context>
    <name>CoachController</name>
    <message>
        <source>Coach unavailable</source>
        <translation>Coach nicht verfügbar</translation>
    </message>
    <message>
        <source>The coach rules cannot be used:

{reason}</source>
        <translation>Die Coach-Regeln können nicht verwendet werden:

{reason}</translation>
    </message>
    <message>
        <source>{file} is missing.</source>
        <translation>{file} fehlt.</translation>
    </message>
</context>
<context>
    <name>CoachHtml</name>
    <message>
        <source>caller&apos;s mood &lt;b&gt;{change}&lt;/b&gt;</source>
        <translation>Stimmung des Anrufers &lt;b&gt;{change}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Coach:</source>
        <translation>Coach:</translation>
    </message>
    <message>
        <source>not heard: {items}</source>
        <translation>nicht gehört: {items}</translation>
    </message>
</context>
<context>
    <name>CoachPage</name>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Say it in your own words</source>
        <translation>Sagen Sie es in eigenen Worten</translation>
    </message>
    <message>
        <source>Type what you would say to this caller, then press Ctrl+Enter.</source>
        <translation>Schreiben Sie, was Sie diesem Anrufer sagen würden, und drücken Sie dann Strg+Enter.</translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>&amp;Check my reply</source>
        <translation>Antwort &amp;prüfen</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Enter</translation>
    </message>
    <message>
        <source>&amp;Another caller</source>
        <translation>&amp;Anderer Anrufer</translation>
    </message>
    <message>
        <source>Coach feedback</source>
        <translation>Rückmeldung des Coachs</translation>
    </message>
    <message>
        <source>No practice calls are loaded, so there is no caller to answer.</source>
        <translation>Es sind keine Übungsanrufe geladen, daher gibt es keinen Anrufer zu beantworten.</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Anrufer:</translation>
    </message>
    <message>
        <source>The coach listens for: the feeling acknowledged, an apology or ownership, a clarifying question, a next step with a time frame; and for blame, judging or correcting, “calm down”, jargon, promises you cannot keep and closing the door.</source>
        <translation>Der Coach achtet auf: anerkannte Gefühle, eine Entschuldigung oder Verantwortung, eine klärende Frage, einen nächsten Schritt mit Zeitrahmen; und auf Schuldzuweisungen, Urteilen oder Belehren, „Beruhigen Sie sich“, Fachjargon, Versprechen, die Sie nicht halten können, und das Abblocken.</translation>
    </message>
    <message>
        <source>The coach could not read this reply: {error}</source>
        <translation>Der Coach konnte diese Antwort nicht lesen: {error}</translation>
    </message>
    <message>
        <source>The script&apos;s best line here</source>
        <translation>Die beste Formulierung des Skripts an dieser Stelle</translation>
    </message>
    <message>
        <source>One good answer, not the only one: compare.</source>
        <translation>Eine gute Antwort, nicht die einzige: Vergleichen Sie.</translation>
    </message>
    <message>
        <source>The caller&apos;s mood would move &lt;b&gt;{change}&lt;/b&gt;.</source>
        <translation>Die Stimmung des Anrufers würde sich um &lt;b&gt;{change}&lt;/b&gt; ändern.</translation>
    </message>
    <message>
        <source>Read by the phrases and word model only: {reason}</source>
        <translation>Nur mit den Phrasen und dem Wortmodell gelesen: {reason}</translation>
    </message>
</context>
<context>
    <name>CompletionPanel</name>
    <message>
        <source>Get &amp;certificate…</source>
        <translation>&amp;Zertifikat erhalten…</translation>
    </message>
    <message>
        <source>Certificate: {course}</source>
        <translation>Zertifikat: {course}</translation>
    </message>
    <message>
        <source>Everything is done. Your certificate is issued: open it or save a copy.</source>
        <translation>Alles erledigt. Ihr Zertifikat ist ausgestellt: Öffnen Sie es oder speichern Sie eine Kopie.</translation>
    </message>
    <message>
        <source>Everything is done: your certificate is ready.</source>
        <translation>Alles erledigt: Ihr Zertifikat ist bereit.</translation>
    </message>
    <message numerus="yes">
        <source>{met} of %n requirement(s) met.</source>
        <translation>
            <numerusform>{met} von %n Anforderung erfüllt.</numerusform>
            <numerusform>{met} von %n Anforderungen erfüllt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate unlocks when the %n open item(s) below are done.</source>
        <translation>
            <numerusform>Das Zertifikat wird freigeschaltet, sobald der offene Punkt unten erledigt ist.</numerusform>
            <numerusform>Das Zertifikat wird freigeschaltet, sobald die %n offenen Punkte unten erledigt sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open my &amp;certificate…</source>
        <translation>Mein &amp;Zertifikat öffnen…</translation>
    </message>
    <message numerus="yes">
        <source>Not yet: %n requirement(s) still open (see the list)</source>
        <translation>
            <numerusform>Noch nicht: %n Anforderung ist noch offen (siehe Liste)</numerusform>
            <numerusform>Noch nicht: %n Anforderungen sind noch offen (siehe Liste)</numerusform>
        </translation>
    </message>
    <message>
        <source>Issued: </source>
        <translation>Ausgestellt: </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Trainer: cohorts</source>
        <translation>Trainer: Gruppen</translation>
    </message>
    <message>
        <source>&amp;Lock trainer views</source>
        <translation>Trainer-Ansichten spe&amp;rren</translation>
    </message>
    <message>
        <source>L&amp;earners…</source>
        <translation>&amp;Lernende…</translation>
    </message>
    <message>
        <source>H&amp;ome</source>
        <translation>&amp;Startseite</translation>
    </message>
    <message>
        <source>Arch&amp;ived learners…</source>
        <translation>Archi&amp;vierte Lernende…</translation>
    </message>
    <message>
        <source>Import &amp;progress…</source>
        <translation>&amp;Fortschritt importieren…</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>&amp;New cohort…</source>
        <translation>&amp;Neue Gruppe…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>Archiv&amp;ieren</translation>
    </message>
    <message>
        <source>Import &amp;roster CSV…</source>
        <translation>&amp;Teilnehmer-CSV importieren…</translation>
    </message>
    <message>
        <source>Archived cohorts</source>
        <translation>Archivierte Gruppen</translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Bring the archived cohort back to the list</source>
        <translation>Die archivierte Gruppe wieder in die Liste aufnehmen</translation>
    </message>
    <message>
        <source>Choose or create a cohort.</source>
        <translation>Wählen oder erstellen Sie eine Gruppe.</translation>
    </message>
    <message>
        <source>Filter learners by name or employee ID (Ctrl+F)</source>
        <translation>Lernende nach Name oder Personalnummer filtern (Strg+F)</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Days without progress</source>
        <translation>Tage ohne Fortschritt</translation>
    </message>
    <message>
        <source>No pro&amp;gress for</source>
        <translation>Inaktiv s&amp;eit</translation>
    </message>
    <message>
        <source>Report P&amp;DF…</source>
        <translation>&amp;PDF-Bericht…</translation>
    </message>
    <message>
        <source>Certificate&amp;s for eligible learners…</source>
        <translation>&amp;Zertifikate für Berechtigte…</translation>
    </message>
    <message>
        <source>Hide s&amp;kills overview</source>
        <translation>Übersicht aus&amp;blenden</translation>
    </message>
    <message>
        <source>Show s&amp;kills overview</source>
        <translation>Übersicht ein&amp;blenden</translation>
    </message>
    <message>
        <source>The skills chart, the weakest skills and who has stalled, beside the table</source>
        <translation>Das Fähigkeitendiagramm, die schwächsten Fähigkeiten und wer ins Stocken geraten ist, neben der Tabelle</translation>
    </message>
    <message>
        <source>Learners by module</source>
        <translation>Lernende nach Modul</translation>
    </message>
    <message>
        <source>Report &amp;CSV…</source>
        <translation>&amp;CSV-Bericht…</translation>
    </message>
    <message>
        <source>No cohorts yet: create one, then import a roster or add learners.</source>
        <translation>Noch keine Gruppen: Erstellen Sie eine und importieren Sie dann eine Teilnehmerliste oder fügen Sie Lernende hinzu.</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n lernende Person</numerusform>
            <numerusform>%n Lernende</numerusform>
        </translation>
    </message>
    <message>
        <source>lessons read {percent}% on average</source>
        <translation>Lektionen im Schnitt zu {percent} % gelesen</translation>
    </message>
    <message>
        <source>{count} certified</source>
        <translation>{count} zertifiziert</translation>
    </message>
    <message>
        <source>Weakest skills</source>
        <translation>Schwächste Fähigkeiten</translation>
    </message>
    <message>
        <source>No scores yet.</source>
        <translation>Noch keine Ergebnisse.</translation>
    </message>
    <message>
        <source>Answered faster than reading allows</source>
        <translation>Schneller geantwortet, als Lesen erlaubt</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n day(s)</source>
        <translation>
            <numerusform>Kein Fortschritt seit %n Tag</numerusform>
            <numerusform>Kein Fortschritt seit %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody.</source>
        <translation>Niemand.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>MMM d, yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <source>MMM d, yyyy, h:mm AP</source>
        <translation>d. MMM yyyy, HH:mm</translation>
    </message>
</context>
<context>
    <name>EndingKind</name>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Resolved with follow-up</source>
        <translation>Gelöst mit Nachverfolgung</translation>
    </message>
    <message>
        <source>Escalated appropriately</source>
        <translation>Angemessen eskaliert</translation>
    </message>
    <message>
        <source>Caller hung up</source>
        <translation>Anrufer hat aufgelegt</translation>
    </message>
    <message>
        <source>Formal complaint</source>
        <translation>Förmliche Beschwerde</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Daily &amp;review</source>
        <translation>Tägliche &amp;Wiederholung</translation>
    </message>
    <message>
        <source>Missed questions and key phrases, spaced so they stick (Ctrl+D)</source>
        <translation>Verpasste Fragen und Schlüsselsätze, zeitlich verteilt, damit sie hängen bleiben (Strg+D)</translation>
    </message>
    <message>
        <source>&amp;Own-words drill</source>
        <translation>In &amp;eigenen Worten</translation>
    </message>
    <message>
        <source>Type your own reply to a caller; the coach explains (Ctrl+Shift+O)</source>
        <translation>Schreiben Sie Ihre eigene Antwort an einen Anrufer; der Coach erklärt (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Practice ca&amp;lls</source>
        <translation>Übungs&amp;anrufe</translation>
    </message>
    <message>
        <source>Every practice call, your best outcomes and past debriefs (Ctrl+Shift+C)</source>
        <translation>Alle Übungsanrufe, Ihre besten Ergebnisse und frühere Auswertungen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>My &amp;notes</source>
        <translation>Meine &amp;Notizen</translation>
    </message>
    <message>
        <source>Every bookmark and note in one place (Ctrl+Shift+M)</source>
        <translation>Alle Lesezeichen und Notizen an einem Ort (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search lessons, quiz explanations and call feedback (Ctrl+F, Ctrl+K)</source>
        <translation>Lektionen, Quiz-Erklärungen und Rückmeldungen zu Anrufen durchsuchen (Strg+F, Strg+K)</translation>
    </message>
    <message>
        <source>Loading modules…</source>
        <translation>Module werden geladen…</translation>
    </message>
    <message>
        <source>Welcome, {name}</source>
        <translation>Willkommen, {name}</translation>
    </message>
    <message numerus="yes">
        <source>Daily &amp;review (%n due)</source>
        <translation>
            <numerusform>Tägliche &amp;Wiederholung (%n fällig)</numerusform>
            <numerusform>Tägliche &amp;Wiederholung (%n fällig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n module(s) read</source>
        <translation>
            <numerusform>{done} von %n Modul gelesen</numerusform>
            <numerusform>{done} von %n Modulen gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n section(s) read</source>
        <translation>
            <numerusform>{done} von %n Abschnitt gelesen</numerusform>
            <numerusform>{done} von %n Abschnitten gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n quiz(zes) passed</source>
        <translation>
            <numerusform>{done} von %n Quiz bestanden</numerusform>
            <numerusform>{done} von %n Quiz bestanden</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice calls:</source>
        <translation>Übungsanrufe:</translation>
    </message>
    <message>
        <source>{done} of {total} ended well with a skill score of at least {bar}%</source>
        <translation>{done} von {total} gut ausgegangen, mit einem Fähigkeitswert von mindestens {bar} %</translation>
    </message>
    <message>
        <source>{done} of {total} ended well</source>
        <translation>{done} von {total} gut ausgegangen</translation>
    </message>
    <message>
        <source>{done} of 1 practice call ended well with a skill score of at least {bar}%</source>
        <translation>{done} von 1 Übungsanruf gut ausgegangen, mit einem Fähigkeitswert von mindestens {bar} %</translation>
    </message>
    <message>
        <source>{done} of 1 practice call ended well</source>
        <translation>{done} von 1 Übungsanruf gut ausgegangen</translation>
    </message>
    <message>
        <source>{done} of {total} practice calls ended well with a skill score of at least {bar}%</source>
        <translation>{done} von {total} Übungsanrufen gut ausgegangen, mit einem Fähigkeitswert von mindestens {bar} %</translation>
    </message>
    <message>
        <source>{done} of {total} practice calls ended well</source>
        <translation>{done} von {total} Übungsanrufen gut ausgegangen</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not counted: see the checklist</source>
        <translation>
            <numerusform>%n Abschnitt nicht gezählt: siehe Checkliste</numerusform>
            <numerusform>%n Abschnitte nicht gezählt: siehe Checkliste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not counted</source>
        <translation>
            <numerusform>%n Abschnitt nicht gezählt</numerusform>
            <numerusform>%n Abschnitte nicht gezählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) not counted: see the checklist</source>
        <translation>
            <numerusform>%n Versuch nicht gezählt: siehe Checkliste</numerusform>
            <numerusform>%n Versuche nicht gezählt: siehe Checkliste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) not counted</source>
        <translation>
            <numerusform>%n Versuch nicht gezählt</numerusform>
            <numerusform>%n Versuche nicht gezählt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) not counted: see the checklist</source>
        <translation>
            <numerusform>%n Anruf nicht gezählt: siehe Checkliste</numerusform>
            <numerusform>%n Anrufe nicht gezählt: siehe Checkliste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) not counted</source>
        <translation>
            <numerusform>%n Anruf nicht gezählt</numerusform>
            <numerusform>%n Anrufe nicht gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Continue where you left off: {where}</source>
        <translation>Weiter, wo Sie aufgehört haben: {where}</translation>
    </message>
    <message>
        <source>Continue with the next unread section: {where}</source>
        <translation>Weiter mit dem nächsten ungelesenen Abschnitt: {where}</translation>
    </message>
    <message>
        <source>Start with {module}</source>
        <translation>Beginnen mit {module}</translation>
    </message>
    <message>
        <source>Everything is read: start again with {module}</source>
        <translation>Alles gelesen: noch einmal beginnen mit {module}</translation>
    </message>
    <message>
        <source>No modules found in {folder}.</source>
        <translation>Keine Module in {folder} gefunden.</translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation>Übungsanrufe</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>Lernende</translation>
    </message>
    <message>
        <source>Rows added</source>
        <translation>Zeilen hinzugefügt</translation>
    </message>
    <message>
        <source>Already present</source>
        <translation>Bereits vorhanden</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Progress imported</source>
        <translation>Fortschritt importiert</translation>
    </message>
    <message>
        <source>, {refused} refused (nothing from them was saved)</source>
        <translation>, {refused} abgelehnt (daraus wurde nichts gespeichert)</translation>
    </message>
    <message>
        <source>Profile merges recorded by this import (a merge cannot be undone):</source>
        <translation>Von diesem Import erfasste Profilzusammenführungen (eine Zusammenführung lässt sich nicht rückgängig machen):</translation>
    </message>
    <message>
        <source>Profile merges NOT recorded (the PC that signed them cannot speak for the profile merged away; merge them on this PC if they are the same person):</source>
        <translation>NICHT erfasste Profilzusammenführungen (der PC, der sie signiert hat, kann nicht für das zusammengeführte Profil sprechen; führen Sie sie auf diesem PC zusammen, wenn es dieselbe Person ist):</translation>
    </message>
    <message>
        <source>Profile merges waiting (the profile merged away has no activity here yet; each is recorded when its rows arrive from the PC that signed it):</source>
        <translation>Wartende Profilzusammenführungen (das zusammengeführte Profil hat hier noch keine Aktivität; jede wird erfasst, wenn seine Zeilen von dem PC eintreffen, der sie signiert hat):</translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation>Importierte Dateien</translation>
    </message>
    <message>
        <source>a profile not known here</source>
        <translation>ein hier unbekanntes Profil</translation>
    </message>
    <message>
        <source>{away} merged into {into}</source>
        <translation>{away} zusammengeführt in {into}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) added</source>
        <translation>
            <numerusform>%n Zeile hinzugefügt</numerusform>
            <numerusform>%n Zeilen hinzugefügt</numerusform>
        </translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>new profile</source>
        <translation>neues Profil</translation>
    </message>
    <message>
        <source>existing profile, named &apos;{name}&apos; here</source>
        <translation>bestehendes Profil, hier „{name}“ genannt</translation>
    </message>
    <message>
        <source>existing profile</source>
        <translation>bestehendes Profil</translation>
    </message>
    <message numerus="yes">
        <source>%n profile merge(s)</source>
        <translation>
            <numerusform>%n Profilzusammenführung</numerusform>
            <numerusform>%n Profilzusammenführungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerDetail</name>
    <message>
        <source>Learner detail</source>
        <translation>Lernverlauf</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archiviert)</translation>
    </message>
    <message>
        <source>{module} quiz: {percent}% ({when})</source>
        <translation>Quiz {module}: {percent} % ({when})</translation>
    </message>
    <message>
        <source>Practice call: {title} ({when})</source>
        <translation>Übungsanruf: {title} ({when})</translation>
    </message>
    <message>
        <source>The script has changed since this call; it cannot be replayed.</source>
        <translation>Das Skript hat sich seit diesem Anruf geändert; er kann nicht erneut abgespielt werden.</translation>
    </message>
    <message>
        <source>No quiz attempts or practice calls yet.</source>
        <translation>Noch keine Quizversuche oder Übungsanrufe.</translation>
    </message>
    <message>
        <source>answered faster than reading allows</source>
        <translation>schneller geantwortet, als Lesen erlaubt</translation>
    </message>
    <message>
        <source>On this page:</source>
        <translation>Auf dieser Seite:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Eligible: every rule of the course is met by progress that holds up.</source>
        <translation>Berechtigt: Jede Regel des Kurses ist durch Fortschritt erfüllt, der der Prüfung standhält.</translation>
    </message>
    <message>
        <source>Not eligible yet:</source>
        <translation>Noch nicht berechtigt:</translation>
    </message>
    <message>
        <source>answered faster than reading allows: quiz attempts {quizzes}, calls {calls}</source>
        <translation>schneller geantwortet, als Lesen erlaubt: Quizversuche {quizzes}, Anrufe {calls}</translation>
    </message>
    <message>
        <source>median {question} per quiz question, {turn} per call turn</source>
        <translation>Median {question} pro Quizfrage, {turn} pro Gesprächsrunde</translation>
    </message>
    <message>
        <source>An answer is too fast when it came sooner than its words (question and options, or the caller&apos;s line and the replies) can be read at {words} words a minute; an attempt is rushed when at least half its answers (and three or more) were.</source>
        <translation>Eine Antwort ist zu schnell, wenn sie früher kam, als sich ihr Text (Frage und Optionen oder die Aussage des Anrufers und die Antworten) mit {words} Wörtern pro Minute lesen lässt; ein Versuch gilt als überhastet, wenn mindestens die Hälfte seiner Antworten (und drei oder mehr) es waren.</translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Pace: not timed.</source>
        <translation>Tempo: nicht gemessen.</translation>
    </message>
    <message>
        <source>median {seconds} s per answer</source>
        <translation>Median {seconds} s pro Antwort</translation>
    </message>
    <message>
        <source>Answered faster than reading allows: {fast} of {timed} answers came before their text could be read ({median}).</source>
        <translation>Schneller geantwortet, als Lesen erlaubt: {fast} von {timed} Antworten kamen, bevor ihr Text gelesen sein konnte ({median}).</translation>
    </message>
    <message>
        <source>Pace: {median}; {fast} of {timed} answers faster than reading allows.</source>
        <translation>Tempo: {median}; {fast} von {timed} Antworten schneller, als Lesen erlaubt.</translation>
    </message>
</context>
<context>
    <name>LearnersView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First activity</source>
        <translation>Erste Aktivität</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Learners</source>
        <translation>Lernende</translation>
    </message>
    <message>
        <source>All learners</source>
        <translation>Alle Lernenden</translation>
    </message>
    <message>
        <source>Archived learners</source>
        <translation>Archivierte Lernende</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Learner profiles</source>
        <translation>Profile der Lernenden</translation>
    </message>
    <message>
        <source>&amp;Restore to the profile list</source>
        <translation>In die Profilliste &amp;zurückholen</translation>
    </message>
    <message>
        <source>Profile to merge away</source>
        <translation>Profil, das aufgelöst wird</translation>
    </message>
    <message>
        <source>Profile that stays</source>
        <translation>Profil, das bleibt</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>Zusammen&amp;führen…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Same person: merge</source>
        <translation>Gleiche Person: zusammenführen</translation>
    </message>
    <message>
        <source>into</source>
        <translation>in</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>gelistet</translation>
    </message>
    <message>
        <source>No archived learners.</source>
        <translation>Keine archivierten Lernenden.</translation>
    </message>
    <message>
        <source>No learners.</source>
        <translation>Keine Lernenden.</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>(archiviert)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your workbook…</source>
        <translation>Ihr Workbook wird geöffnet…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Switch &amp;profile…</source>
        <translation>&amp;Profil wechseln…</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Export my notes and bookmarks…</source>
        <translation>Meine Notizen und Lesezeichen &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export this PC&apos;s &amp;progress…</source>
        <translation>&amp;Fortschritt dieses PCs exportieren…</translation>
    </message>
    <message>
        <source>&amp;Certificate settings…</source>
        <translation>&amp;Zertifikat-Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation>Zertifikat p&amp;rüfen…</translation>
    </message>
    <message>
        <source>S&amp;ync with a server…</source>
        <translation>Mit einem &amp;Server synchronisieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Modules</source>
        <translation>&amp;Module</translation>
    </message>
    <message>
        <source>My &amp;notes and bookmarks</source>
        <translation>Meine &amp;Notizen und Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Trainer views…</source>
        <translation>&amp;Trainer-Ansichten…</translation>
    </message>
    <message>
        <source>&amp;Breathing reset…</source>
        <translation>&amp;Atempause…</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostic info</source>
        <translation>&amp;Diagnoseinfo kopieren</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The new interface language applies the next time you start the workbook.</source>
        <translation>Die neue Sprache der Oberfläche gilt ab dem nächsten Start des Workbooks.</translation>
    </message>
    <message>
        <source>Diagnostic info copied: paste it into your message to support.</source>
        <translation>Diagnoseinfo kopiert: Fügen Sie sie in Ihre Nachricht an den Support ein.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>Offline training for handling difficult calls.</source>
        <translation>Offline-Training für den Umgang mit schwierigen Anrufen.</translation>
    </message>
    <message>
        <source>Stop and quit?</source>
        <translation>Anhalten und beenden?</translation>
    </message>
    <message>
        <source>Still working: {jobs}. Quitting stops it at its next step: files it has already finished stay, and none is left half-written.</source>
        <translation>Noch in Arbeit: {jobs}. Beim Beenden hält sie beim nächsten Schritt an: bereits fertige Dateien bleiben erhalten, keine bleibt halb geschrieben.</translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation>Anhalten und beenden</translation>
    </message>
</context>
<context>
    <name>MatchingView</name>
    <message>
        <source>Match each item: Tab moves between the lists, arrow keys choose</source>
        <translation>Ordnen Sie jeden Eintrag zu: Tab wechselt zwischen den Listen, die Pfeiltasten wählen aus</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Match for: {item}</source>
        <translation>Zuordnung für: {item}</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Learner</source>
        <translation>Lernende</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>Calls handled well</source>
        <translation>Gut gemeisterte Anrufe</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Weakest skill</source>
        <translation>Schwächste Fähigkeit</translation>
    </message>
    <message>
        <source>Median s / question</source>
        <translation>Median s / Frage</translation>
    </message>
    <message>
        <source>Median s / turn</source>
        <translation>Median s / Runde</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n quiz attempt(s) answered faster than reading allows</source>
        <translation>
            <numerusform>%n Quizversuch schneller beantwortet, als Lesen erlaubt</numerusform>
            <numerusform>%n Quizversuche schneller beantwortet, als Lesen erlaubt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practice call(s) answered faster than reading allows</source>
        <translation>
            <numerusform>%n Übungsanruf schneller beantwortet, als Lesen erlaubt</numerusform>
            <numerusform>%n Übungsanrufe schneller beantwortet, als Lesen erlaubt</numerusform>
        </translation>
    </message>
    <message>
        <source>: at least half the answers came before their text could be read at 500 words a minute. Double-click for the attempts.</source>
        <translation>: Mindestens die Hälfte der Antworten kam, bevor sich ihr Text mit 500 Wörtern pro Minute lesen ließ. Doppelklick zeigt die Versuche.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>ModuleCardWidget</name>
    <message>
        <source>Module {number}: {title}</source>
        <translation>Modul {number}: {title}</translation>
    </message>
    <message>
        <source>MODULE {number}</source>
        <translation>MODUL {number}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n Abschnitt</numerusform>
            <numerusform>%n Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the quiz (Q on a focused card)</source>
        <translation>Quiz öffnen (Q auf einer ausgewählten Karte)</translation>
    </message>
    <message>
        <source>Builds on: {modules}</source>
        <translation>Setzt voraus: {modules}</translation>
    </message>
    <message numerus="yes">
        <source>All %n section(s) read</source>
        <translation>
            <numerusform>Der %n Abschnitt ist gelesen</numerusform>
            <numerusform>Alle %n Abschnitte gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{read} of %n section(s) read</source>
        <translation>
            <numerusform>{read} von %n Abschnitt gelesen</numerusform>
            <numerusform>{read} von %n Abschnitten gelesen</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Quiz unavailable: {problem}</source>
        <translation>Quiz nicht verfügbar: {problem}</translation>
    </message>
    <message>
        <source>No quiz for this module</source>
        <translation>Kein Quiz zu diesem Modul</translation>
    </message>
    <message numerus="yes">
        <source>Quiz: not taken yet (%n question(s), pass mark {mark}%)</source>
        <translation>
            <numerusform>Quiz: noch nicht absolviert (%n Frage, Bestehensgrenze {mark} %)</numerusform>
            <numerusform>Quiz: noch nicht absolviert (%n Fragen, Bestehensgrenze {mark} %)</numerusform>
        </translation>
    </message>
    <message>
        <source>Quiz: no attempt counted yet (pass mark {mark}%)</source>
        <translation>Quiz: noch kein Versuch gezählt (Bestehensgrenze {mark} %)</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>not passed yet</source>
        <translation>noch nicht bestanden</translation>
    </message>
    <message>
        <source>Quiz: best {best}%  ·  latest {latest}%</source>
        <translation>Quiz: Bestwert {best} %  ·  zuletzt {latest} %</translation>
    </message>
    <message>
        <source>attempt in progress</source>
        <translation>Versuch läuft</translation>
    </message>
    <message>
        <source>Resume quiz</source>
        <translation>Quiz fortsetzen</translation>
    </message>
    <message>
        <source>Retake quiz</source>
        <translation>Quiz wiederholen</translation>
    </message>
    <message>
        <source>Take quiz</source>
        <translation>Quiz starten</translation>
    </message>
</context>
<context>
    <name>Mood</name>
    <message>
        <source>Furious</source>
        <translation>Wütend</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Verärgert</translation>
    </message>
    <message>
        <source>Frustrated</source>
        <translation>Frustriert</translation>
    </message>
    <message>
        <source>Calmer</source>
        <translation>Ruhiger</translation>
    </message>
    <message>
        <source>Reassured</source>
        <translation>Beruhigt</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The language choice could not be saved:

{reason}</source>
        <translation>Die Sprachauswahl konnte nicht gespeichert werden:

{reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s) unavailable: see the home screen</source>
        <translation>
            <numerusform>%n Modul nicht verfügbar: siehe Startseite</numerusform>
            <numerusform>%n Module nicht verfügbar: siehe Startseite</numerusform>
        </translation>
    </message>
    <message>
        <source>Content could not be loaded</source>
        <translation>Inhalte konnten nicht geladen werden</translation>
    </message>
    <message>
        <source>The lessons could not be loaded:

{error}</source>
        <translation>Die Lektionen konnten nicht geladen werden:

{error}</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation>Strg+Enter speichert · Esc bricht ab</translation>
    </message>
    <message>
        <source>Discard this note?</source>
        <translation>Diese Notiz verwerfen?</translation>
    </message>
    <message>
        <source>Your changes to this note have not been saved.</source>
        <translation>Ihre Änderungen an dieser Notiz wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Add a note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Your note on this section:</source>
        <translation>Ihre Notiz zu diesem Abschnitt:</translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation>Notiz nicht gespeichert</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Your note:</source>
        <translation>Ihre Notiz:</translation>
    </message>
    <message>
        <source>Note deleted: “{note}”</source>
        <translation>Notiz gelöscht: „{note}“</translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation>Lesezeichen entfernt.</translation>
    </message>
    <message>
        <source>Export notes and bookmarks</source>
        <translation>Notizen und Lesezeichen exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Notes and bookmarks written to {file}</source>
        <translation>Notizen und Lesezeichen geschrieben nach {file}</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>No bookmarks or notes yet. In any lesson, press Ctrl+Shift+B to bookmark the section or Ctrl+Shift+N to write a note on it; they are all listed here.</source>
        <translation>Noch keine Lesezeichen oder Notizen. Drücken Sie in einer Lektion Strg+Umschalt+B, um den Abschnitt als Lesezeichen zu setzen, oder Strg+Umschalt+N, um eine Notiz dazu zu schreiben; hier finden Sie alle.</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>My notes and bookmarks</source>
        <translation>Meine Notizen und Lesezeichen</translation>
    </message>
    <message>
        <source>&amp;Export to Markdown…</source>
        <translation>Als Markdown &amp;exportieren…</translation>
    </message>
    <message>
        <source>Filter by words in a note or a section title (Ctrl+F)</source>
        <translation>Nach Wörtern in einer Notiz oder einem Abschnittstitel filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>Notizen filtern</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Strg+Z</translation>
    </message>
    <message>
        <source>Section and notes</source>
        <translation>Abschnitt und Notizen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Bookmarked and annotated sections</source>
        <translation>Abschnitte mit Lesezeichen und Notizen</translation>
    </message>
    <message>
        <source>Selected note</source>
        <translation>Ausgewählte Notiz</translation>
    </message>
    <message>
        <source>&amp;Open section</source>
        <translation>Abschnitt ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Ed&amp;it note…</source>
        <translation>Notiz &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>F2</source>
        <translation>F2</translation>
    </message>
    <message>
        <source>&amp;Delete note</source>
        <translation>Notiz &amp;löschen</translation>
    </message>
    <message>
        <source>Del; Undo brings it back</source>
        <translation>Entf; Rückgängig holt sie zurück</translation>
    </message>
    <message>
        <source>Remove &amp;bookmark</source>
        <translation>Lesezeichen en&amp;tfernen</translation>
    </message>
    <message>
        <source>(no longer in the lessons)</source>
        <translation>(nicht mehr in den Lektionen)</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Mit Lesezeichen</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>Hat Notizen</translation>
    </message>
    <message>
        <source>bookmarked {date}</source>
        <translation>Lesezeichen vom {date}</translation>
    </message>
    <message>
        <source>No notes on this section yet.</source>
        <translation>Noch keine Notizen zu diesem Abschnitt.</translation>
    </message>
    <message>
        <source>Note, {date}, edited {edited}</source>
        <translation>Notiz, {date}, bearbeitet {edited}</translation>
    </message>
    <message>
        <source>Note, {date}</source>
        <translation>Notiz, {date}</translation>
    </message>
</context>
<context>
    <name>OrderingView</name>
    <message>
        <source>Put in order: select an item ({keys}), then Ctrl+Up / Ctrl+Down or drag</source>
        <translation>In Reihenfolge bringen: Eintrag wählen ({keys}), dann Strg+Hoch / Strg+Herunter oder ziehen</translation>
    </message>
    <message>
        <source>Items to put in order</source>
        <translation>Einträge zum Ordnen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Forgotten it? On this computer, close the workbook and run &apos;workbook reset-trainer --yes&apos;. Learner progress is kept.</source>
        <translation>Vergessen? Schließen Sie auf diesem Computer das Workbook und führen Sie „workbook reset-trainer --yes“ aus. Der Fortschritt der Lernenden bleibt erhalten.</translation>
    </message>
    <message>
        <source>Set a trainer passphrase</source>
        <translation>Trainer-Passphrase festlegen</translation>
    </message>
    <message>
        <source>Trainer views</source>
        <translation>Trainer-Ansichten</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters. Learners cannot open trainer views without it.</source>
        <translation>Wählen Sie eine Passphrase mit mindestens 8 Zeichen. Ohne sie können Lernende die Trainer-Ansichten nicht öffnen.</translation>
    </message>
    <message>
        <source>Enter the trainer passphrase.</source>
        <translation>Geben Sie die Trainer-Passphrase ein.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message numerus="yes">
        <source>Not accepted. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Nicht akzeptiert. Sie können es in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Nicht akzeptiert. Sie können es in %n Sekunden erneut versuchen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n second(s).</source>
        <translation>
            <numerusform>Zu viele Fehlversuche: Warten Sie %n Sekunde.</numerusform>
            <numerusform>Zu viele Fehlversuche: Warten Sie %n Sekunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Who is training today?</source>
        <translation>Wer trainiert heute?</translation>
    </message>
    <message>
        <source>Pick your profile, or create one. Each profile keeps its own progress.</source>
        <translation>Wählen Sie Ihr Profil oder legen Sie eines an. Jedes Profil speichert seinen eigenen Fortschritt.</translation>
    </message>
    <message>
        <source>Learner profiles</source>
        <translation>Profile der Lernenden</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>Profil ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Remove from this list…</source>
        <translation>Aus dieser Liste &amp;entfernen…</translation>
    </message>
    <message>
        <source>No profiles yet: create the first one on the right.</source>
        <translation>Noch keine Profile: Legen Sie rechts das erste an.</translation>
    </message>
    <message>
        <source>Profiles on this computer</source>
        <translation>Profile auf diesem Computer</translation>
    </message>
    <message>
        <source>e.g. Priya Sharma</source>
        <translation>z. B. Priya Sharma</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>Profil &amp;anlegen</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>A&amp;nzeigename:</translation>
    </message>
    <message>
        <source>&amp;Employee ID:</source>
        <translation>&amp;Personalnummer:</translation>
    </message>
    <message>
        <source>Same name</source>
        <translation>Gleicher Name</translation>
    </message>
    <message>
        <source>A profile named “{name}” already exists. Create a second one with the same name?

An employee ID tells the two apart in the list and on reports.</source>
        <translation>Ein Profil namens „{name}“ gibt es bereits. Ein zweites mit demselben Namen anlegen?

Eine Personalnummer unterscheidet die beiden in der Liste und in Berichten.</translation>
    </message>
    <message>
        <source>Create another</source>
        <translation>Weiteres anlegen</translation>
    </message>
    <message>
        <source>Remove {name} from the profile list?

Their progress is kept and a trainer can bring the profile back.</source>
        <translation>{name} aus der Profilliste entfernen?

Der Fortschritt bleibt erhalten, und eine Trainerin oder ein Trainer kann das Profil zurückholen.</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>ProgressExport</name>
    <message>
        <source>Export this PC&apos;s progress to a folder or USB stick</source>
        <translation>Fortschritt dieses PCs in einen Ordner oder auf einen USB-Stick exportieren</translation>
    </message>
    <message>
        <source>Exporting progress</source>
        <translation>Fortschritt wird exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n progress file(s) ({rows} activity records) written to {folder}, one per learner, signed by this PC.</source>
        <translation>
            <numerusform>%n Fortschrittsdatei ({rows} Aktivitätseinträge) nach {folder} geschrieben, eine pro Lernende(m), signiert von diesem PC.</numerusform>
            <numerusform>%n Fortschrittsdateien ({rows} Aktivitätseinträge) nach {folder} geschrieben, eine pro Lernende(m), signiert von diesem PC.</numerusform>
        </translation>
    </message>
    <message>
        <source>On the trainer&apos;s PC: Trainer views &gt; Import progress…, and choose them all.</source>
        <translation>Auf dem PC der Trainerin oder des Trainers: Trainer-Ansichten &gt; Fortschritt importieren…, und alle auswählen.</translation>
    </message>
    <message>
        <source>This PC&apos;s key fingerprint: {fingerprint}. If the trainer&apos;s PC asks whether to trust this PC, it must show the same fingerprint.</source>
        <translation>Schlüssel-Fingerabdruck dieses PCs: {fingerprint}. Fragt der PC der Trainerin oder des Trainers, ob er diesem PC vertrauen soll, muss er denselben Fingerabdruck zeigen.</translation>
    </message>
    <message>
        <source>Progress exported to {folder}</source>
        <translation>Fortschritt exportiert nach {folder}</translation>
    </message>
    <message>
        <source>Progress exported</source>
        <translation>Fortschritt exportiert</translation>
    </message>
</context>
<context>
    <name>QueryOp</name>
    <message>
        <source>Not finished</source>
        <translation>Nicht abgeschlossen</translation>
    </message>
    <message>
        <source>The job stopped: {error}</source>
        <translation>Der Vorgang wurde abgebrochen: {error}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>key 1</source>
        <translation>Taste 1</translation>
    </message>
    <message>
        <source>keys 1–{last}</source>
        <translation>Tasten 1–{last}</translation>
    </message>
</context>
<context>
    <name>QuizController</name>
    <message>
        <source>This module has no quiz.</source>
        <translation>Dieses Modul hat kein Quiz.</translation>
    </message>
    <message>
        <source>Quiz unavailable</source>
        <translation>Quiz nicht verfügbar</translation>
    </message>
    <message>
        <source>The quiz for {module} cannot be used:

{reason}</source>
        <translation>Das Quiz zu {module} kann nicht verwendet werden:

{reason}</translation>
    </message>
</context>
<context>
    <name>QuizHtml</name>
    <message>
        <source>By skill</source>
        <translation>Nach Fähigkeit</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Durchsicht</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Richtig</translation>
    </message>
    <message>
        <source>Partly right ({percent}%)</source>
        <translation>Teilweise richtig ({percent} %)</translation>
    </message>
    <message>
        <source>Not right</source>
        <translation>Nicht richtig</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nichts zugeordnet)</translation>
    </message>
    <message>
        <source>In the right place.</source>
        <translation>An der richtigen Stelle.</translation>
    </message>
    <message>
        <source>Belongs at step {step}.</source>
        <translation>Gehört an Schritt {step}.</translation>
    </message>
    <message>
        <source>Matched correctly.</source>
        <translation>Richtig zugeordnet.</translation>
    </message>
    <message>
        <source>Goes with: {partner}.</source>
        <translation>Gehört zu: {partner}.</translation>
    </message>
    <message>
        <source>learner&apos;s answer</source>
        <translation>Antwort der lernenden Person</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>Ihre Antwort</translation>
    </message>
    <message>
        <source>right, not picked</source>
        <translation>richtig, nicht gewählt</translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation>Richtige Antwort:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Back to all modules (Esc)</source>
        <translation>Zurück zu allen Modulen (Esc)</translation>
    </message>
    <message>
        <source>Past attempts</source>
        <translation>Frühere Versuche</translation>
    </message>
    <message>
        <source>&amp;Start quiz</source>
        <translation>Quiz &amp;beginnen</translation>
    </message>
    <message>
        <source>Read the &amp;lessons</source>
        <translation>&amp;Lektionen lesen</translation>
    </message>
    <message>
        <source>Your attempts</source>
        <translation>Ihre Versuche</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Rückmeldung</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Check answer</source>
        <translation>Antwort &amp;prüfen</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation>&amp;Nächste Frage</translation>
    </message>
    <message>
        <source>S&amp;ubmit quiz</source>
        <translation>Quiz &amp;abgeben</translation>
    </message>
    <message>
        <source>Results and review</source>
        <translation>Ergebnisse und Durchsicht</translation>
    </message>
    <message>
        <source>&amp;Retake quiz</source>
        <translation>Quiz &amp;wiederholen</translation>
    </message>
    <message>
        <source>&amp;Back to modules</source>
        <translation>&amp;Zurück zu den Modulen</translation>
    </message>
    <message>
        <source>Quiz: {module}</source>
        <translation>Quiz: {module}</translation>
    </message>
    <message>
        <source>you see feedback after each answer</source>
        <translation>Sie sehen nach jeder Antwort eine Rückmeldung</translation>
    </message>
    <message>
        <source>you see feedback when you submit</source>
        <translation>Sie sehen die Rückmeldung bei der Abgabe</translation>
    </message>
    <message numerus="yes">
        <source>a time limit of %n minute(s)</source>
        <translation>
            <numerusform>ein Zeitlimit von %n Minute</numerusform>
            <numerusform>ein Zeitlimit von %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>kein Zeitlimit</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s), drawn from a bank of {bank}.</source>
        <translation>
            <numerusform>%n Frage, gezogen aus einem Pool von {bank}.</numerusform>
            <numerusform>%n Fragen, gezogen aus einem Pool von {bank}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pass mark &lt;b&gt;{mark}%&lt;/b&gt;; {timing}; {limit}.</source>
        <translation>Bestehensgrenze &lt;b&gt;{mark} %&lt;/b&gt;; {timing}; {limit}.</translation>
    </message>
    <message>
        <source>Each answer is saved as you give it: you can close the workbook and come back to an unfinished attempt.</source>
        <translation>Jede Antwort wird sofort gespeichert: Sie können das Workbook schließen und später zu einem unfertigen Versuch zurückkehren.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <source>Best: &lt;b&gt;{percent}%&lt;/b&gt;</source>
        <translation>Bestes Ergebnis: &lt;b&gt;{percent} %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No attempts yet.</source>
        <translation>Noch keine Versuche.</translation>
    </message>
    <message>
        <source>&amp;Resume attempt ({answered} of {total} answered)</source>
        <translation>Versuch &amp;fortsetzen ({answered} von {total} beantwortet)</translation>
    </message>
    <message>
        <source>&amp;Start a new attempt</source>
        <translation>&amp;Neuen Versuch beginnen</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>Frage {number} von {total}</translation>
    </message>
    <message>
        <source>Submit quiz?</source>
        <translation>Quiz abgeben?</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered will score nothing. Submit anyway?</source>
        <translation>
            <numerusform>%n Frage ist nicht beantwortet und bringt keine Punkte. Trotzdem abgeben?</numerusform>
            <numerusform>%n Fragen sind nicht beantwortet und bringen keine Punkte. Trotzdem abgeben?</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Abgeben</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>Noch nicht bestanden</translation>
    </message>
    <message>
        <source>time ran out</source>
        <translation>Zeit abgelaufen</translation>
    </message>
    <message>
        <source>pass mark {percent}%</source>
        <translation>Bestehensgrenze {percent} %</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Best</source>
        <translation>Beste</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>Brauchbar</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Schwach</translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>Home</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Back to all modules (Esc)</source>
        <translation>Zurück zu allen Modulen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation>&amp;Lesezeichen</translation>
    </message>
    <message>
        <source>Bookmark this section (Ctrl+Shift+B)</source>
        <translation>Lesezeichen für diesen Abschnitt setzen (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>Add a n&amp;ote…</source>
        <translation>N&amp;otiz hinzufügen…</translation>
    </message>
    <message>
        <source>A personal note on this section (Ctrl+Shift+N)</source>
        <translation>Eine persönliche Notiz zu diesem Abschnitt (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>Abschnittstext</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Previous section (Alt+Left)</source>
        <translation>Vorheriger Abschnitt (Alt+Links)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Next section (Alt+Right)</source>
        <translation>Nächster Abschnitt (Alt+Rechts)</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>Lesefortschritt</translation>
    </message>
    <message>
        <source>Your notes on this section</source>
        <translation>Ihre Notizen zu diesem Abschnitt</translation>
    </message>
    <message>
        <source>Section {number} of {total}</source>
        <translation>Abschnitt {number} von {total}</translation>
    </message>
    <message>
        <source>Take the &amp;quiz</source>
        <translation>Zum &amp;Quiz</translation>
    </message>
    <message numerus="yes">
        <source>Keep reading: %n s more</source>
        <translation>
            <numerusform>Bitte weiterlesen: noch %n s</numerusform>
            <numerusform>Bitte weiterlesen: noch %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Scroll to the end to finish this section</source>
        <translation>Scrollen Sie bis zum Ende, um diesen Abschnitt abzuschließen</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>Lesezeichen gesetzt</translation>
    </message>
    <message>
        <source>Notes ({count}) – add…</source>
        <translation>Notizen ({count}) – hinzufügen…</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation>Ihre Notizen</translation>
    </message>
    <message>
        <source>edit them in My notes</source>
        <translation>in „Meine Notizen“ bearbeiten</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation>Noch nicht gelesen</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Progress database could not be read</source>
        <translation>Fortschrittsdatenbank konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Your progress database could not be read.</source>
        <translation>Ihre Fortschrittsdatenbank konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Nothing will be deleted: whatever you choose below, the damaged file is kept as</source>
        <translation>Nichts wird gelöscht: Was Sie unten auch wählen, die beschädigte Datei bleibt erhalten als</translation>
    </message>
    <message>
        <source>Restore a backup (one is taken at the first start of each day your progress changed), or start with an empty database.</source>
        <translation>Stellen Sie eine Sicherung wieder her (sie entsteht beim ersten Start jedes Tages, an dem sich Ihr Fortschritt geändert hat) oder beginnen Sie mit einer leeren Datenbank.</translation>
    </message>
    <message>
        <source>Backup from {when}</source>
        <translation>Sicherung vom {when}</translation>
    </message>
    <message>
        <source>Trainer passphrase</source>
        <translation>Trainer-Passphrase</translation>
    </message>
    <message>
        <source>&amp;Restore selected backup</source>
        <translation>Ausgewählte Sicherung &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Start fresh</source>
        <translation>&amp;Neu beginnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>This workbook has a trainer passphrase: a restore asks for it, and the restored progress keeps it.</source>
        <translation>Dieses Workbook hat eine Trainer-Passphrase: Eine Wiederherstellung fragt danach, und der wiederhergestellte Fortschritt behält sie.</translation>
    </message>
    <message>
        <source>No backups were found.</source>
        <translation>Es wurden keine Sicherungen gefunden.</translation>
    </message>
    <message>
        <source>Starting fresh keeps this workbook&apos;s trainer passphrase.</source>
        <translation>Auch „Neu beginnen“ behält die Trainer-Passphrase dieses Workbooks.</translation>
    </message>
</context>
<context>
    <name>RefusedText</name>
    <message numerus="yes">
        <source>%n record(s) refused at import from the PC &apos;{pc}&apos; (key {key}): {reason}</source>
        <translation>
            <numerusform>%n Aktivitätseintrag beim Import vom PC &apos;{pc}&apos; (Schlüssel {key}) abgelehnt: {reason}</numerusform>
            <numerusform>%n Aktivitätseinträge beim Import vom PC &apos;{pc}&apos; (Schlüssel {key}) abgelehnt: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more group(s) of refused records: workbook refused-records --learner {id}</source>
        <translation>
            <numerusform>%n weitere Gruppe abgelehnter Einträge: workbook refused-records --learner {id}</numerusform>
            <numerusform>%n weitere Gruppen abgelehnter Einträge: workbook refused-records --learner {id}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplyButton</name>
    <message>
        <source>Reply {number}: {text}</source>
        <translation>Antwort {number}: {text}</translation>
    </message>
</context>
<context>
    <name>RequirementText</name>
    <message>
        <source>{module}: lessons</source>
        <translation>{module}: Lektionen</translation>
    </message>
    <message>
        <source>{module} quiz</source>
        <translation>Quiz zu {module}</translation>
    </message>
    <message>
        <source>Practice call “{title}”</source>
        <translation>Übungsanruf „{title}“</translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation>Übungsanrufe</translation>
    </message>
    <message numerus="yes">
        <source>{read} of %n section(s) read</source>
        <translation>
            <numerusform>{read} von %n Abschnitt gelesen</numerusform>
            <numerusform>{read} von %n Abschnitten gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to go</source>
        <translation>
            <numerusform>noch %n offen</numerusform>
            <numerusform>noch %n offen</numerusform>
        </translation>
    </message>
    <message>
        <source>this module&apos;s content cannot be loaded; ask your trainer to fix it</source>
        <translation>der Inhalt dieses Moduls lässt sich nicht laden; bitten Sie Ihre Trainerin oder Ihren Trainer, ihn zu reparieren</translation>
    </message>
    <message>
        <source>this quiz cannot be loaded; ask your trainer to fix it</source>
        <translation>dieses Quiz lässt sich nicht laden; bitten Sie Ihre Trainerin oder Ihren Trainer, es zu reparieren</translation>
    </message>
    <message>
        <source>not taken yet, needs {mark}%</source>
        <translation>noch nicht abgelegt, nötig sind {mark} %</translation>
    </message>
    <message>
        <source>best {best}%</source>
        <translation>bestes Ergebnis {best} %</translation>
    </message>
    <message>
        <source>needs {mark}%</source>
        <translation>nötig sind {mark} %</translation>
    </message>
    <message>
        <source>ended well</source>
        <translation>gut beendet</translation>
    </message>
    <message>
        <source>not yet resolved or escalated appropriately</source>
        <translation>noch nicht gelöst oder angemessen eskaliert</translation>
    </message>
    <message>
        <source>not played yet</source>
        <translation>noch nicht gespielt</translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n ended well with a skill score of at least {bar}%</source>
        <translation>
            <numerusform>{good} von %n gut beendet, mit einer Kompetenzwertung von mindestens {bar} %</numerusform>
            <numerusform>{good} von %n gut beendet, jeweils mit einer Kompetenzwertung von mindestens {bar} %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n ended well</source>
        <translation>
            <numerusform>{good} von %n gut beendet</numerusform>
            <numerusform>{good} von %n gut beendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Daily review</source>
        <translation>Tägliche Wiederholung</translation>
    </message>
    <message>
        <source>Stop for now</source>
        <translation>Für jetzt aufhören</translation>
    </message>
    <message>
        <source>Every rating is already saved (Esc)</source>
        <translation>Jede Bewertung ist bereits gespeichert (Esc)</translation>
    </message>
    <message>
        <source>Show answer (Space)</source>
        <translation>Antwort zeigen (Leertaste)</translation>
    </message>
    <message>
        <source>Check answer (Enter)</source>
        <translation>Antwort prüfen (Enter)</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>Zurück zur Startseite</translation>
    </message>
    <message>
        <source>How well did you remember it? Keys 1–4; the next card comes at once.</source>
        <translation>Wie gut wussten Sie es noch? Tasten 1–4; die nächste Karte folgt sofort.</translation>
    </message>
    <message numerus="yes">
        <source>%n left today</source>
        <translation>
            <numerusform>heute noch %n</numerusform>
            <numerusform>heute noch %n</numerusform>
        </translation>
    </message>
    <message>
        <source>A question you missed</source>
        <translation>Eine Frage, die Sie verfehlt haben</translation>
    </message>
    <message>
        <source>Nothing to review yet.</source>
        <translation>Noch nichts zu wiederholen.</translation>
    </message>
    <message>
        <source>Daily review brings back the quiz questions you missed and the key phrases from the sections you have read, spaced out over days so they stick. Read a section or take a quiz, and your first cards appear here.</source>
        <translation>Die tägliche Wiederholung bringt verfehlte Quizfragen und die Schlüsselsätze aus gelesenen Abschnitten zurück, über Tage verteilt, damit sie hängen bleiben. Lesen Sie einen Abschnitt oder machen Sie ein Quiz, dann erscheinen hier Ihre ersten Karten.</translation>
    </message>
    <message>
        <source>All done for today.</source>
        <translation>Für heute alles erledigt.</translation>
    </message>
    <message>
        <source>New cards come as you read and practice.</source>
        <translation>Neue Karten kommen hinzu, während Sie lesen und üben.</translation>
    </message>
    <message>
        <source>Right answer: {answer}</source>
        <translation>Richtige Antwort: {answer}</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Nochmal</translation>
    </message>
    <message>
        <source>Hard</source>
        <translation>Schwer</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Leicht</translation>
    </message>
</context>
<context>
    <name>ScenarioCardWidget</name>
    <message>
        <source>Practice call: {title}</source>
        <translation>Übungsanruf: {title}</translation>
    </message>
    <message>
        <source>Practices: {modules}</source>
        <translation>Übt: {modules}</translation>
    </message>
    <message>
        <source>Has points where you answer in your own words</source>
        <translation>Enthält Stellen, an denen Sie in eigenen Worten antworten</translation>
    </message>
    <message>
        <source>Not played yet</source>
        <translation>Noch nicht gespielt</translation>
    </message>
    <message>
        <source>Best: {outcome}</source>
        <translation>Bestes Ergebnis: {outcome}</translation>
    </message>
    <message>
        <source>played {count}×</source>
        <translation>{count}× gespielt</translation>
    </message>
    <message>
        <source>a call in progress</source>
        <translation>ein Anruf läuft</translation>
    </message>
    <message>
        <source>Resume call</source>
        <translation>Anruf fortsetzen</translation>
    </message>
    <message>
        <source>Play again</source>
        <translation>Noch einmal spielen</translation>
    </message>
    <message>
        <source>Start call</source>
        <translation>Anruf starten</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>From the {module} quiz</source>
        <translation>Aus dem Quiz {module}</translation>
    </message>
    <message>
        <source>Right answer: {answer}</source>
        <translation>Richtige Antwort: {answer}</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Lesson</source>
        <translation>Lektion</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Practice call</source>
        <translation>Übungsanruf</translation>
    </message>
    <message>
        <source>Search the workbook</source>
        <translation>Das Workbook durchsuchen</translation>
    </message>
    <message>
        <source>e.g. calm down, first contact resolution, refund</source>
        <translation>z. B. calm down, first contact resolution, refund</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Next section</source>
        <translation>Nächster Abschnitt</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Vorheriger Abschnitt</translation>
    </message>
    <message>
        <source>Zoom in / out / reset</source>
        <translation>Vergrößern / verkleinern / zurücksetzen</translation>
    </message>
    <message>
        <source>Move between the section list and the text</source>
        <translation>Zwischen Abschnittsliste und Text wechseln</translation>
    </message>
    <message>
        <source>Back to the modules</source>
        <translation>Zurück zu den Modulen</translation>
    </message>
    <message>
        <source>The modules (home)</source>
        <translation>Die Module (Startseite)</translation>
    </message>
    <message>
        <source>Continue where you left off (home)</source>
        <translation>Weiter, wo Sie aufgehört haben (Startseite)</translation>
    </message>
    <message>
        <source>Move between module cards, open one</source>
        <translation>Zwischen Modulkarten wechseln, eine öffnen</translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation>Profil wechseln</translation>
    </message>
    <message>
        <source>Trainer views (passphrase)</source>
        <translation>Trainer-Ansichten (Passphrase)</translation>
    </message>
    <message>
        <source>Quiz: pick an option (as many keys as options), check and move on</source>
        <translation>Quiz: eine Option wählen (so viele Tasten wie Optionen), prüfen und weiter</translation>
    </message>
    <message>
        <source>Practice call: pick a reply</source>
        <translation>Übungsanruf: eine Antwort wählen</translation>
    </message>
    <message>
        <source>Practice call or own-words drill: say your typed reply</source>
        <translation>Übungsanruf oder „In eigenen Worten“: die geschriebene Antwort sagen</translation>
    </message>
    <message>
        <source>Home: daily review, practice calls, own-words drill</source>
        <translation>Startseite: tägliche Wiederholung, Übungsanrufe, „In eigenen Worten“</translation>
    </message>
    <message>
        <source>Search lessons, quizzes and calls (trainer views: filter the learners)</source>
        <translation>Lektionen, Quiz und Anrufe durchsuchen (Trainer-Ansichten: Lernende filtern)</translation>
    </message>
    <message>
        <source>Reader: bookmark the section, add a note</source>
        <translation>Lesen: Lesezeichen für den Abschnitt setzen, Notiz hinzufügen</translation>
    </message>
    <message>
        <source>My notes and bookmarks (F2 edit, Del delete, Ctrl+Z undo)</source>
        <translation>Meine Notizen und Lesezeichen (F2 bearbeiten, Entf löschen, Strg+Z rückgängig)</translation>
    </message>
    <message>
        <source>A short breathing reset</source>
        <translation>Eine kurze Atempause</translation>
    </message>
    <message>
        <source>Quit (progress is already saved)</source>
        <translation>Beenden (der Fortschritt ist bereits gespeichert)</translation>
    </message>
</context>
<context>
    <name>SkillChart</name>
    <message>
        <source>Skills, cohort average</source>
        <translation>Fähigkeiten, Durchschnitt der Gruppe</translation>
    </message>
    <message>
        <source>percent (dashed: {fair}% and {good}%)</source>
        <translation>Prozent (gestrichelt: {fair} % und {good} %)</translation>
    </message>
    <message>
        <source>No quiz or call scores yet</source>
        <translation>Noch keine Quiz- oder Anrufergebnisse</translation>
    </message>
</context>
<context>
    <name>StoreOp</name>
    <message>
        <source>Progress not saved</source>
        <translation>Fortschritt nicht gespeichert</translation>
    </message>
    <message>
        <source>This step could not be saved: {reason}.

Earlier progress is safe. Close that program, then try the step again.</source>
        <translation>Dieser Schritt konnte nicht gespeichert werden: {reason}.

Der bisherige Fortschritt ist sicher. Schließen Sie dieses Programm und versuchen Sie den Schritt dann erneut.</translation>
    </message>
    <message>
        <source>The last step could not be saved: {reason}.

Earlier progress is safe. Check free disk space and that no other program holds the database, then carry on.</source>
        <translation>Der letzte Schritt konnte nicht gespeichert werden: {reason}.

Der bisherige Fortschritt ist sicher. Prüfen Sie den freien Speicherplatz und ob ein anderes Programm die Datenbank belegt, und machen Sie dann weiter.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Progress saved</source>
        <translation>Fortschritt gespeichert</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation>Synchronisiert {time}</translation>
    </message>
    <message>
        <source>Synced {time} (waiting for a trainer to trust this PC)</source>
        <translation>Synchronisiert {time} (wartet, bis ein Trainer diesem PC vertraut)</translation>
    </message>
    <message>
        <source>Last synced with {server} at {time}</source>
        <translation>Zuletzt mit {server} synchronisiert um {time}</translation>
    </message>
    <message>
        <source>Sync: offline, will retry</source>
        <translation>Sync: offline, neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Sync: the server needs attention</source>
        <translation>Sync: Der Server braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with a server</source>
        <translation>Mit einem Server synchronisieren</translation>
    </message>
    <message>
        <source>When set, progress is sent to the training center&apos;s server in the background after each save, and retried quietly while the server cannot be reached. Leave it empty to keep progress on this PC (progress files still work).</source>
        <translation>Ist eine Adresse eingetragen, wird der Fortschritt nach jedem Speichern im Hintergrund an den Server des Schulungszentrums gesendet und still erneut versucht, solange der Server nicht erreichbar ist. Leer lassen, um den Fortschritt auf diesem PC zu behalten (Fortschrittsdateien funktionieren weiterhin).</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
</context>
<context>
    <name>TrainerController</name>
    <message numerus="yes">
        <source>%n activity record(s) merged from learner PCs</source>
        <translation>
            <numerusform>%n Aktivitätseintrag von Lerner-PCs zusammengeführt</numerusform>
            <numerusform>%n Aktivitätseinträge von Lerner-PCs zusammengeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>profile merges recorded: {merges}</source>
        <translation>erfasste Profilzusammenführungen: {merges}</translation>
    </message>
    <message>
        <source>profile merges NOT recorded: {merges}</source>
        <translation>NICHT erfasste Profilzusammenführungen: {merges}</translation>
    </message>
    <message numerus="yes">
        <source>%n pushed batch(es) quarantined (&apos;workbook sync --ingest&apos; lists why)</source>
        <translation>
            <numerusform>%n gesendeter Stapel in Quarantäne (&apos;workbook sync --ingest&apos; nennt den Grund)</numerusform>
            <numerusform>%n gesendete Stapel in Quarantäne (&apos;workbook sync --ingest&apos; nennt die Gründe)</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced progress was not merged: {error}</source>
        <translation>Synchronisierter Fortschritt wurde nicht zusammengeführt: {error}</translation>
    </message>
    <message>
        <source>New cohort</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Cohort name (e.g. “November intake”):</source>
        <translation>Name der Gruppe (z. B. „Novemberjahrgang“):</translation>
    </message>
    <message>
        <source>Rename cohort</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>Archive cohort?</source>
        <translation>Gruppe archivieren?</translation>
    </message>
    <message>
        <source>Archive “{name}”? It leaves the list; its learners and all their progress stay, and it can be restored.</source>
        <translation>„{name}“ archivieren? Sie verschwindet aus der Liste; ihre Lernenden und deren gesamter Fortschritt bleiben erhalten, und sie kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>Teilnehmerliste importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more line(s)</source>
        <translation>
            <numerusform>und %n weitere Zeile</numerusform>
            <numerusform>und %n weitere Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>Teilnehmerliste importiert</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht erledigt</translation>
    </message>
    <message>
        <source>Save the {kind} report</source>
        <translation>{kind}-Bericht speichern</translation>
    </message>
    <message>
        <source>{kind} files (*.{extension})</source>
        <translation>{kind}-Dateien (*.{extension})</translation>
    </message>
    <message>
        <source>Report saved to {file}</source>
        <translation>Bericht gespeichert unter {file}</translation>
    </message>
    <message>
        <source>Building the {kind} report</source>
        <translation>{kind}-Bericht wird erstellt</translation>
    </message>
    <message>
        <source>Checking who is eligible</source>
        <translation>Berechtigung wird geprüft</translation>
    </message>
    <message>
        <source>Nobody in this cohort can get a certificate now.</source>
        <translation>Niemand in dieser Gruppe kann jetzt ein Zertifikat erhalten.</translation>
    </message>
    <message>
        <source>This cohort has no learners.</source>
        <translation>Diese Gruppe hat keine Lernenden.</translation>
    </message>
    <message>
        <source>No certificates to issue</source>
        <translation>Keine Zertifikate auszustellen</translation>
    </message>
    <message>
        <source>Save the certificates in</source>
        <translation>Zertifikate speichern in</translation>
    </message>
    <message>
        <source>Issuing certificates</source>
        <translation>Zertifikate werden ausgestellt</translation>
    </message>
    <message>
        <source>Issue certificates?</source>
        <translation>Zertifikate ausstellen?</translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) who would get a certificate answered faster than reading allows in some quiz attempts or calls: {names}.

To check first, cancel and open a learner&apos;s detail (Enter on the name). Or issue the certificates now.</source>
        <translation>
            <numerusform>%n lernende Person, die ein Zertifikat erhalten würde, hat in einigen Quizversuchen oder Anrufen schneller geantwortet, als Lesen erlaubt: {names}.

Zum Prüfen brechen Sie ab und öffnen die Details der Person (Enter auf dem Namen). Oder stellen Sie die Zertifikate jetzt aus.</numerusform>
            <numerusform>%n lernende Personen, die ein Zertifikat erhalten würden, haben in einigen Quizversuchen oder Anrufen schneller geantwortet, als Lesen erlaubt: {names}.

Zum Prüfen brechen Sie ab und öffnen die Details der Personen (Enter auf dem Namen). Oder stellen Sie die Zertifikate jetzt aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Issue certificates</source>
        <translation>Zertifikate &amp;ausstellen</translation>
    </message>
    <message>
        <source>Certificates issued: {count}</source>
        <translation>Ausgestellte Zertifikate: {count}</translation>
    </message>
    <message>
        <source>not eligible: {count}</source>
        <translation>nicht berechtigt: {count}</translation>
    </message>
    <message>
        <source>already certified: {count}</source>
        <translation>bereits zertifiziert: {count}</translation>
    </message>
    <message>
        <source>failed: {count}</source>
        <translation>fehlgeschlagen: {count}</translation>
    </message>
    <message>
        <source>not reached (cancelled): {count}</source>
        <translation>nicht erreicht (abgebrochen): {count}</translation>
    </message>
    <message>
        <source>{name}: failed: {reason}</source>
        <translation>{name}: fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation>Gespeichert in {folder}</translation>
    </message>
    <message>
        <source>already holds {certificate}</source>
        <translation>hat bereits {certificate}</translation>
    </message>
    <message>
        <source>no such learner profile</source>
        <translation>kein solches Lernendenprofil</translation>
    </message>
    <message>
        <source>the content has no course file</source>
        <translation>die Inhalte haben keine Kursdatei</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weitere</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Canceled: nothing was written</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben</translation>
    </message>
</context>
<context>
    <name>TrainerImport</name>
    <message>
        <source>Import progress bundles</source>
        <translation>Fortschrittspakete importieren</translation>
    </message>
    <message>
        <source>Progress bundles (*.zip);;All files (*)</source>
        <translation>Fortschrittspakete (*.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Importing progress</source>
        <translation>Fortschritt wird importiert</translation>
    </message>
    <message>
        <source>Trust this PC?</source>
        <translation>Diesem PC vertrauen?</translation>
    </message>
    <message>
        <source>Some files were signed by a PC this installation does not trust yet.

Key fingerprint: {fingerprint}
PC name, as the files give it: {pc}

Trust it only if this fingerprint is the one shown on one of your learner PCs: the name proves nothing. Its bundles are then imported, now and later.</source>
        <translation>Einige Dateien wurden von einem PC signiert, dem diese Installation noch nicht vertraut.

Schlüssel-Fingerabdruck: {fingerprint}
Name des PCs, wie ihn die Dateien angeben: {pc}

Vertrauen Sie ihm nur, wenn dieser Fingerabdruck der ist, der auf einem Ihrer Lern-PCs angezeigt wird: der Name beweist nichts. Seine Pakete werden dann importiert, jetzt und künftig.</translation>
    </message>
    <message>
        <source>no activity here</source>
        <translation>hier keine Aktivität</translation>
    </message>
    <message>
        <source>A progress file asks to record: {merge}.

It was signed by the PC &apos;{pc}&apos; (key {fingerprint}), but the progress of the profile it merges away did not all come from that PC:
{away}:
{away_sources}
{into}:
{into_sources}

A learner can make a profile with a colleague&apos;s id on their own PC and merge it into themselves to take that colleague&apos;s progress. Record this merge only if you know both profiles are the same person; a merge cannot be undone.</source>
        <translation>Eine Fortschrittsdatei möchte erfassen: {merge}.

Sie wurde vom PC &apos;{pc}&apos; signiert (Schlüssel {fingerprint}), aber der Fortschritt des Profils, das sie wegführt, kam nicht ganz von diesem PC:
{away}:
{away_sources}
{into}:
{into_sources}

Ein Lernender kann auf seinem eigenen PC ein Profil mit der ID einer Kollegin anlegen und es mit sich selbst zusammenführen, um ihren Fortschritt zu übernehmen. Erfassen Sie diese Zusammenführung nur, wenn Sie wissen, dass beide Profile dieselbe Person sind; eine Zusammenführung lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Record this profile merge?</source>
        <translation>Diese Profilzusammenführung erfassen?</translation>
    </message>
    <message>
        <source>Merge anyway</source>
        <translation>Trotzdem zusammenführen</translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation>Vertrauen und importieren</translation>
    </message>
    <message>
        <source>Warning: a PC already trusted here, “{name}” (key {other}), has the same name: this may be a copy of its name.</source>
        <translation>Warnung: Ein PC, dem hier bereits vertraut wird, „{name}“ (Schlüssel {other}), hat denselben Namen: Der Name ist vielleicht nur kopiert.</translation>
    </message>
    <message>
        <source>Warning: the name quotes the fingerprint of “{name}” (key {other}), a PC already trusted here; this PC&apos;s own fingerprint is {fingerprint}.</source>
        <translation>Warnung: Der Name zitiert den Fingerabdruck von „{name}“ (Schlüssel {other}), einem PC, dem hier bereits vertraut wird; der eigene Fingerabdruck dieses PCs ist {fingerprint}.</translation>
    </message>
    <message>
        <source>Same person?</source>
        <translation>Dieselbe Person?</translation>
    </message>
    <message>
        <source>{file} was refused: {reason}.

Import it merged into {name} ({who})? Both histories then count as one person&apos;s; a merge cannot be undone.</source>
        <translation>{file} wurde abgelehnt: {reason}.

Zusammengeführt mit {name} ({who}) importieren? Beide Verläufe gelten dann als die einer Person; eine Zusammenführung lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Import and merge</source>
        <translation>Importieren und zusammenführen</translation>
    </message>
</context>
<context>
    <name>TrainerLearners</name>
    <message>
        <source>Restored to the profile list</source>
        <translation>In die Profilliste zurückgeholt</translation>
    </message>
    <message>
        <source>Merge profiles</source>
        <translation>Profile zusammenführen</translation>
    </message>
    <message>
        <source>Choose two different profiles.</source>
        <translation>Wählen Sie zwei verschiedene Profile.</translation>
    </message>
    <message>
        <source>Merge {source} ({source_who})
into {target} ({target_who})?

Everything {source} did counts for {target} from now on, on this PC and on every PC its progress bundles reach. Nothing is deleted, but a merge cannot be undone.</source>
        <translation>{source} ({source_who})
mit {target} ({target_who}) zusammenführen?

Alles, was {source} getan hat, zählt ab jetzt für {target}, auf diesem PC und auf jedem PC, den seine Fortschrittspakete erreichen. Nichts wird gelöscht, aber eine Zusammenführung lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation>Nicht zusammengeführt</translation>
    </message>
    <message numerus="yes">
        <source>Merged: %n record(s) now count for {name}</source>
        <translation>
            <numerusform>Zusammengeführt: %n Eintrag zählt jetzt für {name}</numerusform>
            <numerusform>Zusammengeführt: %n Einträge zählen jetzt für {name}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnavailableCardWidget</name>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; is unavailable</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Folder: {folder}. A trainer can fix the file and run &apos;workbook validate&apos; to check it.</source>
        <translation>Ordner: {folder}. Eine Trainerin oder ein Trainer kann die Datei korrigieren und sie mit „workbook validate“ prüfen.</translation>
    </message>
</context>
</TS>
