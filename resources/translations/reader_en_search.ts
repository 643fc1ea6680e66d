<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SearchIndexing</name>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="32"/>
        <source>把文件夹加入资料库并建立索引…</source>
        <translation>Add a folder to the library and index it…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="33"/>
        <source>把 PDF 加入资料库并建立索引…</source>
        <translation>Add PDFs to the library and index them…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="34"/>
        <source>完成未完成的索引</source>
        <translation>Finish pending indexing</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="49"/>
        <source>资料库不可用，无法建立索引</source>
        <translation>The library is unavailable: cannot index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="56"/>
        <source>正在建立全文索引…</source>
        <translation>Building the full-text index…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="56"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="108"/>
        <source>本文档已建立全文索引</source>
        <translation>This document is now in the full-text index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="122"/>
        <source>选择包含 PDF 的文件夹</source>
        <translation>Choose a folder containing PDFs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="127"/>
        <source>选择 PDF</source>
        <translation>Choose PDFs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="127"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="137"/>
        <source>已索引 %1 个文件，未变 %2 个，失败 %3 个</source>
        <translation>Indexed %1 files, %2 unchanged, %3 failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="140"/>
        <source>已取消。</source>
        <translation>Cancelled. </translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="146"/>
        <source>部分文件无法建立索引：</source>
        <translation>Some files could not be indexed:</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="101"/>
        <source>搜索：多个词用空格分开，&quot;…&quot; 为短语，-词 排除</source>
        <translation>Search: words separated by spaces, &quot;…&quot; for a phrase, -word to exclude</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="103"/>
        <source>本文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="104"/>
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="105"/>
        <source>筛选</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="114"/>
        <source>文件标题或文号</source>
        <translation>Document title or number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="115"/>
        <source>起始日期 YYYY-MM-DD</source>
        <translation>From YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="116"/>
        <source>截止日期 YYYY-MM-DD</source>
        <translation>To YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="117"/>
        <source>只看有批注的页</source>
        <translation>Only pages I annotated</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="118"/>
        <source>包括封面和目录页</source>
        <translation>Include cover and contents pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="179"/>
        <source>全部汇编</source>
        <translation>All compilations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="181"/>
        <source>（文件缺失）</source>
        <translation> (file missing)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="207"/>
        <source>资料库不可用，无法搜索</source>
        <translation>The library is unavailable: cannot search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="219"/>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="248"/>
        <source>本文档的索引尚未建好，请稍候再搜</source>
        <translation>This document is still being indexed; search again in a moment</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="250"/>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="252"/>
        <source>，列出前 %1 页</source>
        <translation>, showing the first %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="270"/>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="305"/>
        <source>文件缺失，无法打开：%1</source>
        <translation>File missing, cannot open: %1</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="386"/>
        <source>全文搜索</source>
        <translation>Full-text search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="389"/>
        <source>在本文档中搜索</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="390"/>
        <source>在资料库中搜索</source>
        <translation>Find in the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="391"/>
        <source>下一个搜索结果</source>
        <translation>Next search hit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="392"/>
        <source>上一个搜索结果</source>
        <translation>Previous search hit</translation>
    </message>
</context>
</TS>
