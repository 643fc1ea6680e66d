<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExportDialog</name>
    <message>
        <source>现代（彩色标题）</source>
        <translation>Modern (coloured headings)</translation>
    </message>
    <message>
        <source>公文（GB/T 9704：仿宋、黑体、楷体，黑色标题）</source>
        <translation>Official (GB/T 9704: FangSong, HeiTi, KaiTi, black headings)</translation>
    </message>
    <message>
        <source>A4（210 × 297 毫米）</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>Letter（美国信纸）</source>
        <translation>Letter (US)</translation>
    </message>
    <message>
        <source>写入文档属性，可留空</source>
        <translation>Saved in the document properties; may be empty</translation>
    </message>
    <message>
        <source>样式：</source>
        <translation>Style:</translation>
    </message>
    <message>
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>作者：</source>
        <translation>Author:</translation>
    </message>
</context>
<context>
    <name>ReadingAids</name>
    <message>
        <source>后退</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>前进</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>已在浏览器中打开：%1</source>
        <translation>Opened in the browser: %1</translation>
    </message>
    <message>
        <source>第 %1 页（%2/%3）</source>
        <translation>Page %1 (%2/%3)</translation>
    </message>
    <message>
        <source>缩放 %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>已发送 %1 页到打印机</source>
        <translation>Sent %1 page(s) to the printer</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>无法开始打印 (cannot start printing)</source>
        <translation>Cannot start printing</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>没有与“%1”匹配的标题、文号、日期或条款。</source>
        <translation>No title, document number, date or clause matches “%1”.</translation>
    </message>
</context>
</TS>
