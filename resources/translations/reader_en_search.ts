<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SearchIndexing</name>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="33"/>
        <source>把文件夹加入资料库并建立索引…</source>
        <translation>Add a folder to the library and index it…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="34"/>
        <source>把 PDF 加入资料库并建立索引…</source>
        <translation>Add PDFs to the library and index them…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="35"/>
        <source>完成未完成的索引</source>
        <translation>Finish pending indexing</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="51"/>
        <source>资料库不可用，无法建立索引</source>
        <translation>The library is unavailable: cannot index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="58"/>
        <location filename="../../reader/ui/search_indexing.py" line="70"/>
        <source>正在建立全文索引…</source>
        <translation>Building the full-text index…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="58"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="120"/>
        <source>本文档已建立全文索引</source>
        <translation>This document is now in the full-text index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="137"/>
        <source>选择包含 PDF 的文件夹</source>
        <translation>Choose a folder containing PDFs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="142"/>
        <source>选择 PDF</source>
        <translation>Choose PDFs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="142"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="152"/>
        <source>已索引 %1 个文件，未变 %2 个，失败 %3 个</source>
        <translation>Indexed %1 files, %2 unchanged, %3 failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="155"/>
        <source>已取消。</source>
        <translation>Cancelled. </translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="161"/>
        <source>部分文件无法建立索引：</source>
        <translation>Some files could not be indexed:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="70"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="73"/>
        <source>……另有 %1 个</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="79"/>
        <source>无法建立索引：%1</source>
        <translation>Could not index: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="83"/>
        <source>搜索索引已损坏，已重建</source>
        <translation>The search index was damaged and has been rebuilt</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="55"/>
        <source>搜索关键词</source>
        <translation>Search terms</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="56"/>
        <source>多个词用空格分开（都要出现）；&quot;…&quot; 为短语；-词 排除。空格、换行、全半角不影响匹配。</source>
        <translation>Separate words with spaces (all must occur); &quot;…&quot; is a phrase; -word excludes. Spaces, line breaks and full/half width are ignored.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="58"/>
        <source>本文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="59"/>
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="60"/>
        <source>筛选</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="69"/>
        <source>文件标题或文号</source>
        <translation>Document title or number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="70"/>
        <source>起始日期 YYYY-MM-DD</source>
        <translation>From YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="71"/>
        <source>截止日期 YYYY-MM-DD</source>
        <translation>To YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="72"/>
        <source>只看有批注的页</source>
        <translation>Only pages I annotated</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="73"/>
        <source>包括封面和目录页</source>
        <translation>Include cover and contents pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="121"/>
        <source>输入关键词，回车或稍候即搜。Ctrl+F 搜本文档，Ctrl+Shift+F 搜整个资料库；F3 / Shift+F3 逐个查看。</source>
        <translation>Type search terms; results come as you type or on Enter. Ctrl+F searches this document, Ctrl+Shift+F the whole library; F3 / Shift+F3 step through the hits.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="143"/>
        <source>全部汇编</source>
        <translation>All compilations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="145"/>
        <source>（文件缺失）</source>
        <translation> (file missing)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="171"/>
        <source>资料库不可用，无法搜索</source>
        <translation>The library is unavailable: cannot search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="185"/>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="216"/>
        <source>本文档的索引尚未建好，请稍候再搜</source>
        <translation>This document is still being indexed; search again in a moment</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="219"/>
        <source>没有找到“%1”</source>
        <translation>No results for “%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="221"/>
        <source>共 %1 页</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="223"/>
        <source>，列出前 %1 页</source>
        <translation>, showing the first %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="241"/>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="276"/>
        <source>文件缺失，无法打开：%1</source>
        <translation>File missing, cannot open: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="357"/>
        <source>全文搜索</source>
        <translation>Full-text search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="360"/>
        <source>在本文档中搜索</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="361"/>
        <source>在资料库中搜索</source>
        <translation>Find in the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="362"/>
        <source>下一个搜索结果</source>
        <translation>Next search result</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="363"/>
        <source>上一个搜索结果</source>
        <translation>Previous search result</translation>
    </message>
</context>
</TS>
