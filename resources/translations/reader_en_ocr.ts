<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>OcrFeature</name>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="43"/>
        <source>OCR 识别文字</source>
        <translation>OCR text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="44"/>
        <source>本页没有文字层，文字由 OCR 识别，可能有误</source>
        <translation>This page has no text layer: its text was recognised by OCR and may contain errors</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="48"/>
        <source>识别扫描页文字 (OCR)</source>
        <translation>Recognise Text on Scanned Pages (OCR)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="82"/>
        <source>扫描页</source>
        <translation>Scanned pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="83"/>
        <source>此文件有 %1 页没有文字层（扫描件）。现在在后台识别文字（OCR）吗？识别后可搜索、选择、批注这些页。</source>
        <translation>%1 pages of this file have no text layer (scanned). Recognise their text (OCR) in the background now? Afterwards these pages can be searched, selected and annotated.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="107"/>
        <source>正在识别扫描页文字（OCR）…</source>
        <translation>Recognising text on scanned pages (OCR)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="118"/>
        <source>已取消 OCR；已识别的页已保存</source>
        <translation>OCR cancelled; pages already recognised are kept</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py"/>
        <source>此 PDF 没有文字层（扫描件）：正在后台识别文字（OCR），完成后即可搜索、选择文字和分析结构。</source>
        <translation>This PDF has no text layer (a scan): its text is being recognised (OCR) in the background; then it can be searched, selected and analysed.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_feature.py" line="123"/>
        <source>OCR 完成，正在重新分析…</source>
        <translation>OCR finished, analysing again…</translation>
    </message>
</context>
<context>
    <name>LowConfidenceMarks</name>
    <message>
        <location filename="../../reader/ui/ocr_confidence.py"/>
        <source>标出 OCR 没把握的字</source>
        <translation>Mark Characters OCR Was Unsure Of</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_confidence.py"/>
        <source>在 OCR 识别的页上，给识别分数低的字加红色波浪线</source>
        <translation>On OCR'd pages, underline characters with a low recognition score in wavy red</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_confidence.py"/>
        <source>已隐藏 OCR 没把握的字</source>
        <translation>Marks on doubtful OCR characters hidden</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_confidence.py"/>
        <source>无法读取 OCR 结果</source>
        <translation>Cannot read the OCR results</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_confidence.py"/>
        <source>本文件没有 OCR 识别的页</source>
        <translation>This file has no OCR'd pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/ocr_confidence.py"/>
        <source>OCR 没把握的字：%1 个（%2 页）</source>
        <translation>Characters OCR was unsure of: %1 (on %2 pages)</translation>
    </message>
</context>
<context>
    <name>SearchIndexing</name>
    <message>
        <location filename="../../reader/ui/search_indexing.py"/>
        <source>正在识别扫描页文字（OCR）…</source>
        <translation>Recognising text on scanned pages (OCR)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py"/>
        <source>已取消；已识别的页已保存</source>
        <translation>Cancelled; pages already recognised are kept</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/export_dialog.py"/>
        <source>加入扫描页的 OCR 文字（隐藏文字层，副本可在其他阅读器中搜索、复制）</source>
        <translation>Add the OCR text of scanned pages (an invisible text layer: the copy can be searched and copied in other viewers)</translation>
    </message>
</context>
</TS>
