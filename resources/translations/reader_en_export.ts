<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExportDialog</name>
    <message>
        <source>副本会去掉原文件中的脚本、启动程序的链接和附件，以便安全地发给同事。</source>
        <translation>The copy leaves out the source's scripts, links that launch programs and attached files, so it is safe to send to colleagues.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="41"/>
        <location filename="../../reader/ui/export_dialog.py" line="238"/>
        <location filename="../../reader/ui/export_dialog.py" line="241"/>
        <location filename="../../reader/ui/export_dialog.py" line="299"/>
        <source>导出摘要</source>
        <translation>Export Summary</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="55"/>
        <source>Word 文档 (.docx)</source>
        <translation>Word document (.docx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="55"/>
        <source>Markdown (.md)</source>
        <translation>Markdown (.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="56"/>
        <source>标注 PDF（高亮与批注写入副本）</source>
        <translation>Annotated PDF (highlights and notes written to a copy)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="58"/>
        <source>格式：</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="60"/>
        <source>按主题（主题 → 文件 → 条目）</source>
        <translation>By theme (theme → document → entries)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="61"/>
        <source>按文件（汇编 → 文件 → 条款顺序）</source>
        <translation>By document (compilation → document → clause order)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="62"/>
        <source>分组：</source>
        <translation>Grouping:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="69"/>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="73"/>
        <source>留空则用标题</source>
        <translation>Leave empty to use the title</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="75"/>
        <source>页码之前的文字，可留空</source>
        <translation>Text before the page number (optional)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="78"/>
        <source>标题：</source>
        <translation>Title:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="79"/>
        <source>页眉：</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="80"/>
        <source>页脚：</source>
        <translation>Footer:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="81"/>
        <source>正文字体：</source>
        <translation>Body font:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="82"/>
        <source>标题字体：</source>
        <translation>Heading font:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="87"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="91"/>
        <source>保存到（标注 PDF 涉及多份汇编时为文件夹）：</source>
        <translation>Save to (a folder for an annotated PDF of several compilations):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="98"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="99"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="113"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="115"/>
        <source>当前汇编</source>
        <translation>This compilation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="116"/>
        <source>选定的汇编：</source>
        <translation>Chosen compilations:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="117"/>
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="139"/>
        <source>筛选</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="141"/>
        <source>主题（全不选 = 全部主题）：</source>
        <translation>Themes (none ticked = all themes):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="155"/>
        <source>文件日期从</source>
        <translation>Documents dated from</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="166"/>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="170"/>
        <source>只导出写了批注的条目</source>
        <translation>Only annotations with a note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="219"/>
        <source>批注摘要</source>
        <translation>Annotation summary</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="224"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="224"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="224"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="225"/>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="238"/>
        <source>请至少勾选一份汇编。</source>
        <translation>Tick at least one compilation.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="241"/>
        <source>请选择保存位置。</source>
        <translation>Choose where to save.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="258"/>
        <source>正在导出摘要…</source>
        <translation>Exporting summary…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="279"/>
        <source>已导出 {0} 条批注</source>
        <translation>Exported {0} annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="281"/>
        <source>已导出 {0} 条批注（{1} 份文件）到：
{2}</source>
        <translation>Exported {0} annotations ({1} documents) to:
{2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="283"/>
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="285"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="295"/>
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="299"/>
        <source>文件已存在：
{0}
要替换它吗？</source>
        <translation>The file already exists:
{0}
Replace it?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="321"/>
        <source>资料库无法打开，不能导出 (the library is unavailable; nothing to export)</source>
        <translation>The library is unavailable; nothing to export</translation>
    </message>
    <message>
        <location filename="../../reader/ui/export_dialog.py" line="333"/>
        <source>导出摘要…</source>
        <translation>Export Summary…</translation>
    </message>
</context>
</TS>
