<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>已%1%2，主题：%3</source>
        <translation>Done: %1%2 — themes: %3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>本汇编</source>
        <translation>This compilation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>资料库不可用</source>
        <translation>The library is not available</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>正在查找整个资料库…</source>
        <translation>Searching the whole library…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>正在查找主题建议…</source>
        <translation>Finding theme suggestions…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="0" />
        <source>有 %1 个文件无法读取，已跳过</source>
        <translation>%1 file(s) could not be read and were skipped</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="39" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="41" />
        <source>选择主题，按其关键词找出本汇编中提到它的条款。</source>
        <translation>Choose a theme to find the clauses of this compilation that mention its keywords.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="49" />
        <source>接受（标记条款）</source>
        <translation>Accept (tag the clause)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="50" />
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="51" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="52" />
        <source>用此主题标记所选条款（可撤销）</source>
        <translation>Tag the selected clauses with this theme (undoable)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="53" />
        <source>不再推荐所选条款（记在资料库中）</source>
        <translation>Do not propose the selected clauses again (remembered in the library)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="101" />
        <source>请先打开一份汇编（结构分析完成后才能推荐）</source>
        <translation>Open a compilation first (suggestions need its structure analysis)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="107" />
        <source>主题“%1”没有关键词：请在“主题管理”中添加</source>
        <translation>The theme “%1” has no keywords: add some in Manage themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="113" />
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="130" />
        <source>%1 条条款提到此主题的关键词（A 接受，R 拒绝，双击打开）</source>
        <translation>%1 clauses mention this theme's keywords (A accepts, R rejects, double-click opens)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="131" />
        <source>没有（更多）条款提到此主题的关键词</source>
        <translation>No (more) clauses mention this theme's keywords</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="139" />
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="162" />
        <source>标记条款</source>
        <translation>Tag clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="165" />
        <source>已用“%1”标记 %2 条条款（Ctrl+Z 撤销）</source>
        <translation>Tagged %2 clause(s) with “%1” (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="176" />
        <source>已拒绝 %1 条建议，以后不再推荐</source>
        <translation>Rejected %1 suggestion(s); they will not be proposed again</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="202" />
        <source>主题建议</source>
        <translation>Theme suggestions</translation>
    </message>
    <message>
        <location filename="../../reader/ui/suggestion_panel.py" line="214" />
        <source>主题建议…</source>
        <translation>Theme suggestions…</translation>
    </message>
</context>
</TS>