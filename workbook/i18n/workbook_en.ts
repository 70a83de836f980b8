<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>ChecklistGroup</name>
    <message numerus="yes">
        <source>{group}: {met} of %n done</source>
        <translation>
            <numerusform>{group}: {met} of %n done</numerusform>
            <numerusform>{group}: {met} of %n done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompletionPanel</name>
    <message numerus="yes">
        <source>{met} of %n requirement(s) met.</source>
        <translation>
            <numerusform>{met} of %n requirement met.</numerusform>
            <numerusform>{met} of %n requirements met.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The certificate unlocks when the %n open item(s) below are done.</source>
        <translation>
            <numerusform>The certificate unlocks when the open item below is done.</numerusform>
            <numerusform>The certificate unlocks when the %n open items below are done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not yet: %n requirement(s) still open (see the list)</source>
        <translation>
            <numerusform>Not yet: %n requirement still open (see the list)</numerusform>
            <numerusform>Not yet: %n requirements still open (see the list)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>%n learner(s)</source>
        <translation>
            <numerusform>%n learner</numerusform>
            <numerusform>%n learners</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No progress for %n day(s)</source>
        <translation>
            <numerusform>No progress for %n day</numerusform>
            <numerusform>No progress for %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>Daily &amp;review (%n due)</source>
        <translation>
            <numerusform>Daily &amp;review (%n due)</numerusform>
            <numerusform>Daily &amp;review (%n due)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n module(s) read</source>
        <translation>
            <numerusform>{done} of %n module read</numerusform>
            <numerusform>{done} of %n modules read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n section(s) read</source>
        <translation>
            <numerusform>{done} of %n section read</numerusform>
            <numerusform>{done} of %n sections read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n quiz(zes) passed</source>
        <translation>
            <numerusform>{done} of %n quiz passed</numerusform>
            <numerusform>{done} of %n quizzes passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not counted: see the checklist</source>
        <translation>
            <numerusform>%n section not counted: see the checklist</numerusform>
            <numerusform>%n sections not counted: see the checklist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not counted</source>
        <translation>
            <numerusform>%n section not counted</numerusform>
            <numerusform>%n sections not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) not counted: see the checklist</source>
        <translation>
            <numerusform>%n attempt not counted: see the checklist</numerusform>
            <numerusform>%n attempts not counted: see the checklist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s) not counted</source>
        <translation>
            <numerusform>%n attempt not counted</numerusform>
            <numerusform>%n attempts not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) not counted: see the checklist</source>
        <translation>
            <numerusform>%n call not counted: see the checklist</numerusform>
            <numerusform>%n calls not counted: see the checklist</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) not counted</source>
        <translation>
            <numerusform>%n call not counted</numerusform>
            <numerusform>%n calls not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) added</source>
        <translation>
            <numerusform>%n row added</numerusform>
            <numerusform>%n rows added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile merge(s)</source>
        <translation>
            <numerusform>%n profile merge</numerusform>
            <numerusform>%n profile merges</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message numerus="yes">
        <source>%n quiz attempt(s) answered faster than reading allows</source>
        <translation>
            <numerusform>%n quiz attempt answered faster than reading allows</numerusform>
            <numerusform>%n quiz attempts answered faster than reading allows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n practice call(s) answered faster than reading allows</source>
        <translation>
            <numerusform>%n practice call answered faster than reading allows</numerusform>
            <numerusform>%n practice calls answered faster than reading allows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModuleCardWidget</name>
    <message numerus="yes">
        <source>%n section(s)</source>
        <translation>
            <numerusform>%n section</numerusform>
            <numerusform>%n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n section(s) read</source>
        <translation>
            <numerusform>The %n section is read</numerusform>
            <numerusform>All %n sections read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{read} of %n section(s) read</source>
        <translation>
            <numerusform>{read} of %n section read</numerusform>
            <numerusform>{read} of %n sections read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quiz: not taken yet (%n question(s), pass mark {mark}%)</source>
        <translation>
            <numerusform>Quiz: not taken yet (%n question, pass mark {mark}%)</numerusform>
            <numerusform>Quiz: not taken yet (%n questions, pass mark {mark}%)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message numerus="yes">
        <source>%n module(s) unavailable: see the home screen</source>
        <translation>
            <numerusform>%n module unavailable: see the home screen</numerusform>
            <numerusform>%n modules unavailable: see the home screen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message numerus="yes">
        <source>Not accepted. You can try again in %n second(s).</source>
        <translation>
            <numerusform>Not accepted. You can try again in %n second.</numerusform>
            <numerusform>Not accepted. You can try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong tries: wait %n second(s).</source>
        <translation>
            <numerusform>Too many wrong tries: wait %n second.</numerusform>
            <numerusform>Too many wrong tries: wait %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressExport</name>
    <message numerus="yes">
        <source>%n progress file(s) ({rows} activity records) written to {folder}, one per learner, signed by this PC.</source>
        <translation>
            <numerusform>%n progress file ({rows} activity records) written to {folder}, one per learner, signed by this PC.</numerusform>
            <numerusform>%n progress files ({rows} activity records) written to {folder}, one per learner, signed by this PC.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuizPage</name>
    <message numerus="yes">
        <source>a time limit of %n minute(s)</source>
        <translation>
            <numerusform>a time limit of %n minute</numerusform>
            <numerusform>a time limit of %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s), drawn from a bank of {bank}.</source>
        <translation>
            <numerusform>%n question, drawn from a bank of {bank}.</numerusform>
            <numerusform>%n questions, drawn from a bank of {bank}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered will score nothing. Submit anyway?</source>
        <translation>
            <numerusform>%n question is not answered and will score nothing. Submit anyway?</numerusform>
            <numerusform>%n questions are not answered and will score nothing. Submit anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderPage</name>
    <message numerus="yes">
        <source>Keep reading: %n s more</source>
        <translation>
            <numerusform>Keep reading: %n s more</numerusform>
            <numerusform>Keep reading: %n s more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefusedText</name>
    <message numerus="yes">
        <source>%n record(s) refused at import from the PC &apos;{pc}&apos; (key {key}): {reason}</source>
        <translation>
            <numerusform>%n record refused at import from the PC &apos;{pc}&apos; (key {key}): {reason}</numerusform>
            <numerusform>%n records refused at import from the PC &apos;{pc}&apos; (key {key}): {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more group(s) of refused records: workbook refused-records --learner {id}</source>
        <translation>
            <numerusform>%n more group of refused records: workbook refused-records --learner {id}</numerusform>
            <numerusform>%n more groups of refused records: workbook refused-records --learner {id}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequirementText</name>
    <message numerus="yes">
        <source>{read} of %n section(s) read</source>
        <translation>
            <numerusform>{read} of %n section read</numerusform>
            <numerusform>{read} of %n sections read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to go</source>
        <translation>
            <numerusform>%n to go</numerusform>
            <numerusform>%n to go</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n ended well with a skill score of at least {bar}%</source>
        <translation>
            <numerusform>{good} of %n ended well with a skill score of at least {bar}%</numerusform>
            <numerusform>{good} of %n ended well with a skill score of at least {bar}%</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{good} of %n ended well</source>
        <translation>
            <numerusform>{good} of %n ended well</numerusform>
            <numerusform>{good} of %n ended well</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>%n left today</source>
        <translation>
            <numerusform>%n left today</numerusform>
            <numerusform>%n left today</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainerController</name>
    <message numerus="yes">
        <source>%n activity record(s) merged from learner PCs</source>
        <translation>
            <numerusform>%n activity record merged from learner PCs</numerusform>
            <numerusform>%n activity records merged from learner PCs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pushed batch(es) quarantined (&apos;workbook sync --ingest&apos; lists why)</source>
        <translation>
            <numerusform>%n pushed batch quarantined (&apos;workbook sync --ingest&apos; lists why)</numerusform>
            <numerusform>%n pushed batches quarantined (&apos;workbook sync --ingest&apos; lists why)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more line(s)</source>
        <translation>
            <numerusform>and %n more line</numerusform>
            <numerusform>and %n more lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n learner(s) who would get a certificate answered faster than reading allows in some quiz attempts or calls: {names}.

To check first, cancel and open a learner&apos;s detail (Enter on the name). Or issue the certificates now.</source>
        <translation>
            <numerusform>%n learner who would get a certificate answered faster than reading allows in some quiz attempts or calls: {names}.

To check first, cancel and open a learner&apos;s detail (Enter on the name). Or issue the certificates now.</numerusform>
            <numerusform>%n learners who would get a certificate answered faster than reading allows in some quiz attempts or calls: {names}.

To check first, cancel and open a learner&apos;s detail (Enter on the name). Or issue the certificates now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainerLearners</name>
    <message numerus="yes">
        <source>Merged: %n record(s) now count for {name}</source>
        <translation>
            <numerusform>Merged: %n record now counts for {name}</numerusform>
            <numerusform>Merged: %n records now count for {name}</numerusform>
        </translation>
    </message>
</context>
</TS>
