<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="39" />
        <source>筛选：标题、文号、日期或条款</source>
        <translation>Filter: title, document number, date or clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="42" />
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="42" />
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/outline_panel.py" line="76" />
        <source>汇编（%n 页）</source>
        <translation>
            <numerusform>Compilation (%n page)</numerusform>
            <numerusform>Compilation (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="79" />
        <source>此 PDF 没有文字层，无法显示大纲</source>
        <translation>This PDF has no text layer; no outline available</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="117" />
        <source>文号：%1</source>
        <translation>Document number: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="119" />
        <source>发文机关：%1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="121" />
        <source>日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="122" />
        <source>类型：%1</source>
        <translation>Kind: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="177" />
        <source>跳转到此处</source>
        <translation>Go here</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="179" />
        <source>复制条款文本</source>
        <translation>Copy clause text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="179" />
        <source>复制标题</source>
        <translation>Copy title</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="217" />
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="222" />
        <source>筛选大纲</source>
        <translation>Filter outline</translation>
    </message>
</context>
</TS>