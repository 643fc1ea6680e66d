<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="40" />
        <location filename="../../reader/ui/export_dialog.py" line="225" />
        <location filename="../../reader/ui/export_dialog.py" line="228" />
        <source>导出摘要</source>
        <translation>Export Summary</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="53" />
        <source>Word 文档 (.docx)</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="53" />
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="54" />
        <source>标注 PDF（高亮与批注写入副本）</source>
        <translation>Annotated PDF (highlights and notes written to a copy)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="56" />
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="58" />
        <source>按主题（主题 → 文件 → 条目）</source>
        <translation>By theme (theme → document → entries)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="59" />
        <source>按文件（汇编 → 文件 → 条款顺序）</source>
        <translation>By document (compilation → document → clause order)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="60" />
        <source>分组：</source>
        <translation>Grouping:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="65" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="69" />
        <source>留空则用标题</source>
        <translation>Leave empty to use the title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="71" />
        <source>页码之前的文字，可留空</source>
        <translation>Text before the page number (optional)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="74" />
        <source>标题：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="75" />
        <source>页眉：</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="76" />
        <source>页脚：</source>
        <translation>Footer:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="77" />
        <source>正文字体：</source>
        <translation>Body font:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="78" />
        <source>标题字体：</source>
        <translation>Heading font:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="83" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="87" />
        <source>保存到（标注 PDF 涉及多份汇编时为文件夹）：</source>
        <translation>Save to (a folder for an annotated PDF of several compilations):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="94" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="95" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="108" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="110" />
        <source>当前汇编</source>
        <translation>This compilation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="111" />
        <source>选定的汇编：</source>
        <translation>Chosen compilations:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="112" />
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="134" />
        <source>筛选</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="136" />
        <source>主题（全不选 = 全部主题）：</source>
        <translation>Themes (none ticked = all themes):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="149" />
        <source>文件日期从</source>
        <translation>Documents dated from</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="157" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="161" />
        <source>只导出写了批注的条目</source>
        <translation>Only annotations with a note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="208" />
        <source>批注摘要</source>
        <translation>Annotation summary</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="213" />
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="213" />
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="213" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="214" />
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="225" />
        <source>请至少勾选一份汇编。</source>
        <translation>Tick at least one compilation.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="228" />
        <source>请选择保存位置。</source>
        <translation>Choose where to save.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="244" />
        <source>正在导出摘要…</source>
        <translation>Exporting summary…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="264" />
        <source>已导出 {0} 条批注</source>
        <translation>Exported {0} annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="266" />
        <source>已导出 {0} 条批注（{1} 份文件）到：
{2}</source>
        <translation>Exported {0} annotations ({1} documents) to:
{2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="268" />
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="270" />
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="280" />
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="299" />
        <source>资料库无法打开，不能导出 (the library is unavailable; nothing to export)</source>
        <translation>The library is unavailable; nothing to export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="311" />
        <source>导出摘要…</source>
        <translation>Export Summary…</translation>
    </message>
</context>
</TS>