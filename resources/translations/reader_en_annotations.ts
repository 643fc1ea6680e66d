<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationController</name>
    <message>
        <source>资料库无法打开，不能保存批注 (the library is unavailable; annotations cannot be saved)</source>
        <translation>The library is unavailable; annotations cannot be saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="110" />
        <source>已从旧版本迁移批注：找到 %1，移动 %2，未能定位 %3</source>
        <translation>Annotations carried over from the previous version: %1 found, %2 moved, %3 orphaned</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="189" />
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="195" />
        <source>请先选中文字（结构分析完成后才能高亮）</source>
        <translation>Select some text first (highlighting is available once the structure analysis has finished)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="213" />
        <source>标记条款</source>
        <translation>Tag clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="219" />
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="219" />
        <source>批注内容：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="226" />
        <location filename="../../reader/ui/annotation_controller.py" line="289" />
        <source>编辑批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="233" />
        <source>修改主题</source>
        <translation>Change themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="246" />
        <location filename="../../reader/ui/annotation_controller.py" line="291" />
        <source>删除批注</source>
        <translation>Delete annotation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="279" />
        <location filename="../../reader/ui/annotation_controller.py" line="325" />
        <source>高亮所选</source>
        <translation>Highlight selection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="282" />
        <source>标记本条款 %1</source>
        <translation>Tag this clause %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="284" />
        <source>标记上级条款 %1</source>
        <translation>Tag the enclosing clause %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="288" />
        <source>批注“%1”</source>
        <translation>Annotation “%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="290" />
        <source>修改主题…</source>
        <translation>Change themes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="296" />
        <source>标记本条款</source>
        <translation>Tag this clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="321" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="323" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="336" />
        <source>主题管理…</source>
        <translation>Manage themes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="337" />
        <source>从其他版本迁移批注…</source>
        <translation>Carry annotations over from another edition…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="338" />
        <source>导出全部批注（JSON）…</source>
        <translation>Export all annotations (JSON)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="339" />
        <source>导入批注（JSON）…</source>
        <translation>Import annotations (JSON)…</translation>
    </message>
</context>
<context>
    <name>MiniToolbar</name>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="36" />
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="36" />
        <source>用上次的主题高亮所选 (Ctrl+H)</source>
        <translation>Highlight the selection with the last themes (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="40" />
        <source>主题…</source>
        <translation>Themes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="40" />
        <source>选择一个或多个主题</source>
        <translation>Choose one or more themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="41" />
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="41" />
        <source>高亮并写批注</source>
        <translation>Highlight and write a note</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="46" />
        <source>引文</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="46" />
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="46" />
        <source>主题</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="46" />
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="104" />
        <source>（未能定位）</source>
        <translation> (orphaned)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="163" />
        <source>本汇编</source>
        <translation>This compilation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="164" />
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="166" />
        <source>按主题</source>
        <translation>By theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="167" />
        <source>按文档</source>
        <translation>By document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="169" />
        <source>筛选：主题、文档、文字</source>
        <translation>Filter: theme, document, text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="192" />
        <source>还没有批注。选中文字后按 Ctrl+H 或点浮动工具栏高亮；在页面或大纲上右键可“标记本条款”。</source>
        <translation>No annotations yet. Select text, then press Ctrl+H or use the floating toolbar; right-click a page or the outline to tag a whole clause.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="212" />
        <source>删除所选批注</source>
        <translation>Delete selected annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="240" />
        <source>未分主题</source>
        <translation>No theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="251" />
        <source>共 %1 条</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="304" />
        <source>跳转</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="305" />
        <source>编辑批注…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="306" />
        <source>修改主题…（%1 条）</source>
        <translation>Change themes… (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="307" />
        <source>删除（%1 条）</source>
        <translation>Delete (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="318" />
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="321" />
        <source>批注一览</source>
        <translation>Annotations overview</translation>
    </message>
</context>
<context>
    <name>ThemeManager</name>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="92" />
        <source>主题管理</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="99" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="99" />
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="100" />
        <source>颜色…</source>
        <translation>Colour…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="100" />
        <source>关键词…</source>
        <translation>Keywords…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="101" />
        <source>合并到…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="101" />
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="106" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="134" />
        <source>主题</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="139" />
        <location filename="../../reader/ui/theme_dialog.py" line="142" />
        <source>新建主题</source>
        <translation>New theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="139" />
        <source>主题名称（中文）：</source>
        <translation>Theme name (Chinese):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="142" />
        <source>英文名称（可选）：</source>
        <translation>English name (optional):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="143" />
        <location filename="../../reader/ui/theme_dialog.py" line="163" />
        <source>主题颜色</source>
        <translation>Theme colour</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="152" />
        <location filename="../../reader/ui/theme_dialog.py" line="155" />
        <source>主题改名</source>
        <translation>Rename theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="152" />
        <source>中文名称：</source>
        <translation>Chinese name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="155" />
        <source>英文名称：</source>
        <translation>English name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="171" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="171" />
        <source>关键词（用空格分隔）：</source>
        <translation>Keywords (separated by spaces):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="182" />
        <source>合并主题</source>
        <translation>Merge theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="183" />
        <source>把“%1”的批注并入：</source>
        <translation>Move the annotations of “%1” into:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="193" />
        <source>删除主题“%1”？</source>
        <translation>Delete the theme “%1”?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="195" />
        <source>有 %1 条批注带有此主题：批注会保留，只去掉此主题。</source>
        <translation>%1 annotations carry this theme: they are kept, only this theme is removed from them.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="196" />
        <source>删除主题</source>
        <translation>Delete theme</translation>
    </message>
</context>
<context>
    <name>ThemePicker</name>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="36" />
        <source>选择主题</source>
        <translation>Choose themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="40" />
        <source>可多选；高亮颜色取第一个主题的颜色。</source>
        <translation>Several allowed; the highlight takes the colour of the first theme.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="43" />
        <source>管理主题…</source>
        <translation>Manage themes…</translation>
    </message>
</context>
</TS>