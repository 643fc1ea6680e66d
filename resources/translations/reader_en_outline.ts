<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="110" />
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="40" />
        <source>筛选：标题、文号、日期或条款</source>
        <translation>Filter: title, document number, date or clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="43" />
        <location filename="../../reader/ui/outline_panel.py" line="236" />
        <source>大纲</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="43" />
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="66" />
        <location filename="../../reader/ui/outline_panel.py" line="82" />
        <source>打开 PDF 后，这里列出汇编中的各个文件和条款。</source>
        <translation>Open a PDF to see its documents and clauses here.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/outline_panel.py" line="85" />
        <source>汇编（%n 页）</source>
        <translation>
            <numerusform>Compilation (%n page)</numerusform>
            <numerusform>Compilation (%n pages)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="88" />
        <source>此 PDF 没有文字层，无法显示大纲</source>
        <translation>This PDF has no text layer; no outline available</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="131" />
        <source>文号：%1</source>
        <translation>Document number: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="133" />
        <source>发文机关：%1</source>
        <translation>Issued by: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="135" />
        <source>日期：%1</source>
        <translation>Date: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="136" />
        <source>类型：%1</source>
        <translation>Kind: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="191" />
        <source>跳转到此处</source>
        <translation>Go here</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="193" />
        <source>复制条款文本</source>
        <translation>Copy clause text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="193" />
        <source>复制标题</source>
        <translation>Copy title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="243" />
        <source>正在分析文档结构…</source>
        <translation>Analysing the document structure…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/outline_panel.py" line="246" />
        <source>筛选大纲</source>
        <translation>Filter outline</translation>
    </message>
</context>
</TS>