<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>SearchIndexing</name>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="35" />
        <source>把文件夹加入资料库并建立索引…</source>
        <translation>Add a folder to the library and index it…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="36" />
        <source>把 PDF 加入资料库并建立索引…</source>
        <translation>Add PDFs to the library and index them…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="37" />
        <source>完成未完成的索引</source>
        <translation>Finish pending indexing</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="80" />
        <source>资料库不可用，无法建立索引</source>
        <translation>The library is unavailable: cannot index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="87" />
        <location filename="../../reader/ui/search_indexing.py" line="98" />
        <source>正在建立全文索引…</source>
        <translation>Building the full-text index…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="87" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="145" />
        <source>本文档已建立全文索引</source>
        <translation>This document is now in the full-text index</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="169" />
        <source>选择包含 PDF 的文件夹</source>
        <translation>Choose a folder containing PDFs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="174" />
        <source>选择 PDF</source>
        <translation>Choose PDFs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="174" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="184" />
        <source>已索引 %1 个文件，未变 %2 个，失败 %3 个</source>
        <translation>Indexed %1 files, %2 unchanged, %3 failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="187" />
        <source>已取消。</source>
        <translation>Cancelled. </translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="193" />
        <source>部分文件无法建立索引：</source>
        <translation>Some files could not be indexed:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="64" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="67" />
        <source>……另有 %1 个</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="75" />
        <source>无法建立索引：%1</source>
        <translation>Could not index: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_indexing.py" line="73" />
        <source>搜索索引已损坏，已重建</source>
        <translation>The search index was damaged and has been rebuilt</translation>
    </message>
</context>
<context>
    <name>SearchNavigation</name>
    <message>
        <location filename="../../reader/ui/search_navigation.py" line="150" />
        <source>共 %1 处，%2 页</source>
        <translation>%1 hits on %2 pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_navigation.py" line="151" />
        <source>第 %1 / 共 %2 处，%3 页</source>
        <translation>Hit %1 of %2, on %3 pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_navigation.py" line="157" />
        <source>已到最后一处，从第一处继续</source>
        <translation>Passed the last hit; continuing from the first</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_navigation.py" line="158" />
        <source>已到第一处，从最后一处继续</source>
        <translation>Passed the first hit; continuing from the last</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="61" />
        <source>搜索关键词</source>
        <translation>Search terms</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="62" />
        <source>多个词用空格分开（都要出现）；"…" 为短语；-词 排除。空格、换行、全半角不影响匹配。</source>
        <translation>Separate words with spaces (all must occur); "…" is a phrase; -word excludes. Spaces, line breaks and full/half width are ignored.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="64" />
        <source>本文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="65" />
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="67" />
        <source>阅读顺序</source>
        <translation>Reading order</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="68" />
        <source>相关度</source>
        <translation>Relevance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="69" />
        <source>结果列表的排列：按页序（本文档默认）或按相关度</source>
        <translation>Order of the result list: by page (the default in this document) or by relevance</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="70" />
        <source>筛选</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="80" />
        <source>文件标题或文号</source>
        <translation>Document title or number</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="81" />
        <source>起始日期 YYYY-MM-DD</source>
        <translation>From YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="82" />
        <source>截止日期 YYYY-MM-DD</source>
        <translation>To YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="83" />
        <source>只看有批注的页</source>
        <translation>Only pages I annotated</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="84" />
        <source>包括封面和目录页</source>
        <translation>Include cover and contents pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="134" />
        <source>输入关键词，回车或稍候即搜。Ctrl+F 搜本文档，Ctrl+Shift+F 搜整个资料库；F3 / Shift+F3 逐个查看。</source>
        <translation>Type search terms; results come as you type or on Enter. Ctrl+F searches this document, Ctrl+Shift+F the whole library; F3 / Shift+F3 step through the hits.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="161" />
        <source>全部汇编</source>
        <translation>All compilations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="163" />
        <source>（文件缺失）</source>
        <translation> (file missing)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="167" />
        <source>（团队库，不在本机）</source>
        <translation> (team library, not on this computer)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="189" />
        <source>资料库不可用，无法搜索</source>
        <translation>The library is unavailable: cannot search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="203" />
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="234" />
        <source>本文档的索引尚未建好，请稍候再搜</source>
        <translation>This document is still being indexed; search again in a moment</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="237" />
        <source>没有找到“%1”</source>
        <translation>No results for “%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="244" />
        <source>，列出前 %1 页（共 %2 页）</source>
        <translation>; listing the first %1 of %2 pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="264" />
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="266" />
        <source>（%1 处）</source>
        <translation> (%1 hits)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="321" />
        <source>文件缺失，无法打开：%1</source>
        <translation>File missing, cannot open: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="377" />
        <source>全文搜索</source>
        <translation>Full-text search</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="380" />
        <source>在本文档中搜索</source>
        <translation>Find in this document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="381" />
        <source>在资料库中搜索</source>
        <translation>Find in the library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="382" />
        <source>下一个搜索结果</source>
        <translation>Next search result</translation>
    </message>
    <message>
        <location filename="../../reader/ui/search_panel.py" line="383" />
        <source>上一个搜索结果</source>
        <translation>Previous search result</translation>
    </message>
</context>
</TS>