<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>The data folder {folder} cannot be created:
{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook cannot start: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook is already open with this data folder.

Switch to that window, or close it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The progress database cannot be opened:

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress database is damaged.

{damage}

Quit the workbook and start it again: it will check the file and offer to restore a backup. Nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {error}

Your saved progress is safe. Details were written to workbook.log in the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreathingDialog</name>
    <message>
        <source>A minute to reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the circle. Breathe in as it grows, out slowly as it shrinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Skip (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Well done. Ready for the next call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breath {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallController</name>
    <message>
        <source>Call cannot be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script of “{title}” has changed since this call was started, so it cannot be resumed. A new call starts instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coach rules cannot be read, so this call offers its scripted replies throughout (the Own-words drill on the home screen says why).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coach could not read your reply: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debrief unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script of “{title}” has changed since this call was played, so its debrief cannot be drawn again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallHtml</name>
    <message>
        <source>The caller took it as a &lt;b&gt;best&lt;/b&gt; reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller took it as an &lt;b&gt;okay&lt;/b&gt; reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller took it as a &lt;b&gt;poor&lt;/b&gt; reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller hangs up. The line goes quiet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{best} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated CSAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First contact resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skill score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills on this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points your replies earned of the most the replies you were offered could earn; a reply that breaks a skill takes points away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points the learner&apos;s replies earned of the most the replies they were offered could earn; a reply that breaks a skill takes points away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call, turn by turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It meets this call&apos;s own line of the certificate: it ended well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call counts toward your certificate: it ended well with a skill score of at least {bar}%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call counts toward your certificate: it ended well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call does not count toward the {count} practice calls your certificate needs: it ended well, but its skill score is below {bar}%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call does not count toward your certificate: a call counts when it ends well with a skill score of at least {bar}%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This call does not count toward your certificate: a call counts when it ends well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turn {number} {points}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{earned} of 1 point ({moves})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{earned} of {possible} points ({moves})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handing over was the right call here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This handover was avoidable: the problem was within your reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A better line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mood {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learner&apos;s pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learner, in their own words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You, in your own words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script&apos;s best line here:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <source>Your reply (keys 1–{last}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply, in your own words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the modules (Esc). The call is saved; resume it later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller&apos;s mood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CALLER&apos;S MOOD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the &amp;debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply in your own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what you would say, then press Ctrl+Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Say it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coach listens for: the feeling acknowledged, an apology or ownership, a clarifying question, a next step with a time frame; and for blame, judging or correcting, “calm down”, jargon, promises you cannot keep and closing the door. The caller reacts to what it hears.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} characters: keep a reply under {limit}, as you would say it in one go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a &amp;minute to reset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short paced-breathing exercise: composure is a skill too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice call: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debrief: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skills {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the modules (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each call with its best outcome. Open a call to play it, or a past call to read its debrief again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice calls and your past calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call {number} (replayed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ending} (not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter opens this call&apos;s debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed from its saved choices, this call does not end this way, so the checklist does not count it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateController</name>
    <message>
        <source>Issuing your certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate not issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be written to {folder}:

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate was not issued: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genuine: this certificate is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tampered: this file was changed after it was issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown issuer: the key that signed it is not trusted here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a trusted issuer: the PC that signed it is trusted for progress only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the register: the issuing PC never recorded it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded: it was issued again since.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a workbook certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate not valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Certificate {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of the certificate for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &lt;b&gt;{id}&lt;/b&gt; for {name} is signed and recorded. Anyone with the workbook can check it: workbook verify-certificate FILE.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be saved to {file}:

{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateSettingsDialog</name>
    <message>
        <source>Certificate settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled mark (leave empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trainer name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Page size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logo (PNG or JPEG):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistGroup</name>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quizzes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{group}: {met} of %n done</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChoiceView</name>
    <message>
        <source>Pick all that apply ({keys} toggle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachController</name>
    <message>
        <source>Coach unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coach rules cannot be used:

{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} is missing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachHtml</name>
    <message>
        <source>caller&apos;s mood &lt;b&gt;{change}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not heard: {items}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoachPage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say it in your own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type what you would say to this caller, then press Ctrl+Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check my reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Another caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coach feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No practice calls are loaded, so there is no caller to answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coach listens for: the feeling acknowledged, an apology or ownership, a clarifying question, a next step with a time frame; and for blame, judging or correcting, “calm down”, jargon, promises you cannot keep and closing the door.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coach could not read this reply: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script&apos;s best line here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One good answer, not the only one: compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The caller&apos;s mood would move &lt;b&gt;{change}&lt;/b&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read by the phrases and word model only: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompletionPanel</name>
    <message>
        <source>Get &amp;certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate: {course}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is done. Your certificate is issued: open it or save a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is done: your certificate is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{met} of %n requirement(s) met.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate unlocks when the %n open item(s) below are done.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open my &amp;certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not yet: %n requirement(s) still open (see the list)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Issued: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Trainer: cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock trainer views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;earners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arch&amp;ived learners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New cohort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;roster CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived cohorts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the archived cohort back to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose or create a cohort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter learners by name or employee ID (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days without progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pro&amp;gress for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate&amp;s for eligible learners…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide s&amp;kills overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show s&amp;kills overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The skills chart, the weakest skills and who has stalled, beside the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners by module</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cohorts yet: create one, then import a roster or add learners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>lessons read {percent}% on average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} certified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weakest skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scores yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered faster than reading allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>MMM d, yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MMM d, yyyy, h:mm AP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndingKind</name>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved with follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated appropriately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formal complaint</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Daily &amp;review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed questions and key phrases, spaced so they stick (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Own-words drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your own reply to a caller; the coach explains (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice ca&amp;lls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every practice call, your best outcomes and past debriefs (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every bookmark and note in one place (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search lessons, quiz explanations and call feedback (Ctrl+F, Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading modules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome, {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Daily &amp;review (%n due)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n module(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n section(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n quiz(zes) passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Practice calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} ended well with a skill score of at least {bar}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} ended well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of 1 practice call ended well with a skill score of at least {bar}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of 1 practice call ended well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} practice calls ended well with a skill score of at least {bar}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} practice calls ended well</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not counted: see the checklist</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) not counted: see the checklist</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) not counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) not counted: see the checklist</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) not counted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Continue where you left off: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue with the next unread section: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with {module}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is read: start again with {module}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No modules found in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {refused} refused (nothing from them was saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile merges recorded by this import (a merge cannot be undone):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile merges NOT recorded (the PC that signed them cannot speak for the profile merged away; merge them on this PC if they are the same person):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile merges waiting (the profile merged away has no activity here yet; each is recorded when its rows arrive from the PC that signed it):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a profile not known here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{away} merged into {into}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) added</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>existing profile, named &apos;{name}&apos; here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>existing profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n profile merge(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnerDetail</name>
    <message>
        <source>Learner detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{module} quiz: {percent}% ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice call: {title} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The script has changed since this call; it cannot be replayed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quiz attempts or practice calls yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered faster than reading allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible: every rule of the course is met by progress that holds up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not eligible yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered faster than reading allows: quiz attempts {quizzes}, calls {calls}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median {question} per quiz question, {turn} per call turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An answer is too fast when it came sooner than its words (question and options, or the caller&apos;s line and the replies) can be read at {words} words a minute; an attempt is rushed when at least half its answers (and three or more) were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace: not timed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median {seconds} s per answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered faster than reading allows: {fast} of {timed} answers came before their text could be read ({median}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pace: {median}; {fast} of {timed} answers faster than reading allows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnersView</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived learners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore to the profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile to merge away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile that stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same person: merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archived learners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No learners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening your workbook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export my notes and bookmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export this PC&apos;s &amp;progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify a certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync with a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My &amp;notes and bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trainer views…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Breathing reset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;diagnostic info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new interface language applies the next time you start the workbook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diagnostic info copied: paste it into your message to support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline training for handling difficult calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still working: {jobs}. Quitting stops it at its next step: files it has already finished stay, and none is left half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatchingView</name>
    <message>
        <source>Match each item: Tab moves between the lists, arrow keys choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match for: {item}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls handled well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weakest skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median s / question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median s / turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last active</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n quiz attempt(s) answered faster than reading allows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practice call(s) answered faster than reading allows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>: at least half the answers came before their text could be read at 500 words a minute. Double-click for the attempts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModuleCardWidget</name>
    <message>
        <source>Module {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MODULE {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open the quiz (Q on a focused card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds on: {modules}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n section(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{read} of %n section(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz unavailable: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quiz for this module</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Quiz: not taken yet (%n question(s), pass mark {mark}%)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Quiz: no attempt counted yet (pass mark {mark}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: best {best}%  ·  latest {latest}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retake quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take quiz</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mood</name>
    <message>
        <source>Furious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Angry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frustrated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language choice could not be saved:

{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n module(s) unavailable: see the home screen</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Content could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lessons could not be loaded:

{error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Ctrl+Enter saves · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this note?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes to this note have not been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note on this section:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note deleted: “{note}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export notes and bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes and bookmarks written to {file}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>No bookmarks or notes yet. In any lesson, press Ctrl+Shift+B to bookmark the section or Ctrl+Shift+N to write a note on it; they are all listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes and bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export to Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by words in a note or a section title (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked and annotated sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ed&amp;it note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Del; Undo brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no longer in the lessons)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bookmarked {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes on this section yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note, {date}, edited {edited}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note, {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderingView</name>
    <message>
        <source>Put in order: select an item ({keys}), then Ctrl+Up / Ctrl+Down or drag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items to put in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Forgotten it? On this computer, close the workbook and run &apos;workbook reset-trainer --yes&apos;. Learner progress is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a trainer passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters. Learners cannot open trainer views without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the trainer passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not accepted. You can try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Who is training today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick your profile, or create one. Each profile keeps its own progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove from this list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles yet: create the first one on the right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Priya Sharma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employee ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile named “{name}” already exists. Create a second one with the same name?

An employee ID tells the two apart in the list and on reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name} from the profile list?

Their progress is kept and a trainer can bring the profile back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressExport</name>
    <message>
        <source>Export this PC&apos;s progress to a folder or USB stick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n progress file(s) ({rows} activity records) written to {folder}, one per learner, signed by this PC.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>On the trainer&apos;s PC: Trainer views &gt; Import progress…, and choose them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PC&apos;s key fingerprint: {fingerprint}. If the trainer&apos;s PC asks whether to trust this PC, it must show the same fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress exported to {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryOp</name>
    <message>
        <source>Not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job stopped: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>key 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keys 1–{last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizController</name>
    <message>
        <source>This module has no quiz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quiz for {module} cannot be used:

{reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizHtml</name>
    <message>
        <source>By skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly right ({percent}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the right place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs at step {step}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes with: {partner}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learner&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right, not picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all modules (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the &amp;lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubmit quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results and review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retake quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: {module}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you see feedback after each answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you see feedback when you submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>a time limit of %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s), drawn from a bank of {bank}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Pass mark &lt;b&gt;{mark}%&lt;/b&gt;; {timing}; {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each answer is saved as you give it: you can close the workbook and come back to an unfinished attempt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best: &lt;b&gt;{percent}%&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No attempts yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume attempt ({answered} of {total} answered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start a new attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit quiz?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered will score nothing. Submit anyway?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time ran out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass mark {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Okay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to all modules (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark this section (Ctrl+Shift+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a n&amp;ote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A personal note on this section (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous section (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next section (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes on this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the &amp;quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Keep reading: %n s more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scroll to the end to finish this section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes ({count}) – add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit them in My notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Progress database could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your progress database could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing will be deleted: whatever you choose below, the damaged file is kept as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup (one is taken at the first start of each day your progress changed), or start with an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup from {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore selected backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workbook has a trainer passphrase: a restore asks for it, and the restored progress keeps it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups were found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting fresh keeps this workbook&apos;s trainer passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedText</name>
    <message numerus="yes">
        <source>%n record(s) refused at import from the PC &apos;{pc}&apos; (key {key}): {reason}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more group(s) of refused records: workbook refused-records --learner {id}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplyButton</name>
    <message>
        <source>Reply {number}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequirementText</name>
    <message>
        <source>{module}: lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{module} quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice call “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{read} of %n section(s) read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to go</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>this module&apos;s content cannot be loaded; ask your trainer to fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this quiz cannot be loaded; ask your trainer to fix it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not taken yet, needs {mark}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>best {best}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs {mark}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended well</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet resolved or escalated appropriately</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not played yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n ended well with a skill score of at least {bar}%</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n ended well</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Daily review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every rating is already saved (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show answer (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check answer (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well did you remember it? Keys 1–4; the next card comes at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n left today</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A question you missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily review brings back the quiz questions you missed and the key phrases from the sections you have read, spaced out over days so they stick. Read a section or take a quiz, and your first cards appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All done for today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cards come as you read and practice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Easy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioCardWidget</name>
    <message>
        <source>Practice call: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practices: {modules}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has points where you answer in your own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not played yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>played {count}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>From the {module} quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right answer: {answer}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. calm down, first contact resolution, refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Next section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in / out / reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between the section list and the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The modules (home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue where you left off (home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between module cards, open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer views (passphrase)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiz: pick an option (as many keys as options), check and move on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice call: pick a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice call or own-words drill: say your typed reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home: daily review, practice calls, own-words drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search lessons, quizzes and calls (trainer views: filter the learners)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader: bookmark the section, add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My notes and bookmarks (F2 edit, Del delete, Ctrl+Z undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short breathing reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit (progress is already saved)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SkillChart</name>
    <message>
        <source>Skills, cohort average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>percent (dashed: {fair}% and {good}%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quiz or call scores yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreOp</name>
    <message>
        <source>Progress not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step could not be saved: {reason}.

Earlier progress is safe. Close that program, then try the step again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last step could not be saved: {reason}.

Earlier progress is safe. Check free disk space and that no other program holds the database, then carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced {time} (waiting for a trainer to trust this PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced with {server} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: offline, will retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: the server needs attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When set, progress is sent to the training center&apos;s server in the background after each save, and retried quietly while the server cannot be reached. Leave it empty to keep progress on this PC (progress files still work).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainerController</name>
    <message numerus="yes">
        <source>%n activity record(s) merged from learner PCs</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>profile merges recorded: {merges}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile merges NOT recorded: {merges}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n pushed batch(es) quarantined (&apos;workbook sync --ingest&apos; lists why)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Synced progress was not merged: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort name (e.g. “November intake”):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive cohort?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive “{name}”? It leaves the list; its learners and all their progress stay, and it can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the {kind} report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind} files (*.{extension})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the {kind} report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking who is eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in this cohort can get a certificate now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cohort has no learners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificates to issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the certificates in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue certificates?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) who would get a certificate answered faster than reading allows in some quiz attempts or calls: {names}.

To check first, cancel and open a learner&apos;s detail (Enter on the name). Or issue the certificates now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Issue certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates issued: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not eligible: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already certified: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reached (cancelled): {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already holds {certificate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such learner profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the content has no course file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainerImport</name>
    <message>
        <source>Import progress bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress bundles (*.zip);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this PC?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files were signed by a PC this installation does not trust yet.

Key fingerprint: {fingerprint}
PC name, as the files give it: {pc}

Trust it only if this fingerprint is the one shown on one of your learner PCs: the name proves nothing. Its bundles are then imported, now and later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no activity here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A progress file asks to record: {merge}.

It was signed by the PC &apos;{pc}&apos; (key {fingerprint}), but the progress of the profile it merges away did not all come from that PC:
{away}:
{away_sources}
{into}:
{into_sources}

A learner can make a profile with a colleague&apos;s id on their own PC and merge it into themselves to take that colleague&apos;s progress. Record this merge only if you know both profiles are the same person; a merge cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record this profile merge?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust and import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: a PC already trusted here, “{name}” (key {other}), has the same name: this may be a copy of its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: the name quotes the fingerprint of “{name}” (key {other}), a PC already trusted here; this PC&apos;s own fingerprint is {fingerprint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was refused: {reason}.

Import it merged into {name} ({who})? Both histories then count as one person&apos;s; a merge cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import and merge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainerLearners</name>
    <message>
        <source>Restored to the profile list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two different profiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge {source} ({source_who})
into {target} ({target_who})?

Everything {source} did counts for {target} from now on, on this PC and on every PC its progress bundles reach. Nothing is deleted, but a merge cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Merged: %n record(s) now count for {name}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnavailableCardWidget</name>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; is unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: {folder}. A trainer can fix the file and run &apos;workbook validate&apos; to check it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
