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
</TS>
