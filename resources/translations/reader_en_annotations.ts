<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="94" />
        <source>资料库无法打开，不能保存批注 (the library is unavailable; annotations cannot be saved)</source>
        <translation>The library is unavailable; annotations cannot be saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="136" />
        <source>已从旧版本迁移批注：找到 %1，移动 %2，未能定位 %3</source>
        <translation>Annotations carried over from the previous version: %1 found, %2 moved, %3 orphaned</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="201" />
        <source>（Ctrl+Z 撤销）</source>
        <translation> (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="209" />
        <source>无主题</source>
        <translation>no theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="231" />
        <source>已取消，未添加批注</source>
        <translation>Cancelled; no annotation added</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="235" />
        <location filename="../../reader/ui/annotation_controller.py" line="236" />
        <source>高亮</source>
        <translation>Highlight</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="238" />
        <source>已%1%2，主题：%3</source>
        <translation>Done: %1%2 — themes: %3</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="244" />
        <source>请先选中文字（结构分析完成后才能高亮）</source>
        <translation>Select some text first (highlighting is available once the structure analysis has finished)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="262" />
        <source>标记条款</source>
        <translation>Tag clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="269" />
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="269" />
        <source>批注内容：</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="276" />
        <location filename="../../reader/ui/annotation_controller.py" line="342" />
        <source>编辑批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="277" />
        <source>已保存批注</source>
        <translation>Note saved</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="277" />
        <source>已清空批注</source>
        <translation>Note cleared</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="284" />
        <source>修改主题</source>
        <translation>Change themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="285" />
        <source>已把 %1 条批注的主题改为：%2</source>
        <translation>Themes of %1 annotation(s) changed to: %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="298" />
        <location filename="../../reader/ui/annotation_controller.py" line="344" />
        <source>删除批注</source>
        <translation>Delete annotation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="299" />
        <source>已删除 %1 条批注</source>
        <translation>Deleted %1 annotation(s)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="332" />
        <location filename="../../reader/ui/annotation_controller.py" line="387" />
        <source>高亮所选</source>
        <translation>Highlight selection</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="335" />
        <source>标记本条款 %1</source>
        <translation>Tag this clause %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="337" />
        <source>标记上级条款 %1</source>
        <translation>Tag the enclosing clause %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="341" />
        <source>批注“%1”</source>
        <translation>Annotation “%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="343" />
        <source>修改主题…</source>
        <translation>Change themes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="349" />
        <source>标记本条款</source>
        <translation>Tag this clause</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="383" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="385" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="394" />
        <source>已撤销：%1</source>
        <translation>Undone: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="396" />
        <source>已重做：%1</source>
        <translation>Redone: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="402" />
        <source>主题管理…</source>
        <translation>Manage themes…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="403" />
        <source>从其他版本迁移批注…</source>
        <translation>Carry annotations over from another edition…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="404" />
        <source>导出全部批注（JSON）…</source>
        <translation>Export all annotations (JSON)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_controller.py" line="405" />
        <source>导入批注（JSON）…</source>
        <translation>Import annotations (JSON)…</translation>
    </message>
</context>
<context>
    <name>HoverCard</name>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="50" />
        <source>编辑批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="72" />
        <source>（无批注）</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="72" />
        <source>（无主题）</source>
        <translation>(no theme)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="73" />
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>MiniToolbar</name>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="37" />
        <source>高亮…</source>
        <translation>Highlight…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="37" />
        <source>高亮所选并选择主题（按关键词预先勾选） (Ctrl+H)</source>
        <translation>Highlight the selection and choose themes (keyword matches pre-ticked) (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="40" />
        <source>用主题“%1”高亮所选</source>
        <translation>Highlight the selection with the theme “%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="45" />
        <source>批注…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_toolbar.py" line="45" />
        <source>高亮、选择主题并写批注</source>
        <translation>Highlight, choose themes and write a note</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="102" />
        <source>写批注…（Ctrl+Enter 保存，Esc 取消）</source>
        <translation>Write a note… (Ctrl+Enter saves, Esc cancels)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="103" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../reader/ui/annotation_hover.py" line="103" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="48" />
        <source>引文</source>
        <translation>Quote</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="48" />
        <source>批注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="48" />
        <source>主题</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="48" />
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="105" />
        <source>（未能定位）</source>
        <translation> (orphaned)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="202" />
        <source>编辑批注</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="143" />
        <source>本汇编</source>
        <translation>This compilation</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="144" />
        <source>整个资料库</source>
        <translation>Whole library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="146" />
        <source>按主题</source>
        <translation>By theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="147" />
        <source>按文档</source>
        <translation>By document</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="149" />
        <source>筛选：主题、文档、文字</source>
        <translation>Filter: theme, document, text</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="175" />
        <source>还没有批注。选中文字后按 Ctrl+H 或点浮动工具栏高亮；在页面或大纲上右键可“标记本条款”。</source>
        <translation>No annotations yet. Select text, then press Ctrl+H or use the floating toolbar; right-click a page or the outline to tag a whole clause.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="196" />
        <source>删除所选批注</source>
        <translation>Delete selected annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="238" />
        <source>未分主题</source>
        <translation>No theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="233" />
        <source>共 %1 条</source>
        <translation>%1 in all</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="294" />
        <source>跳转</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="295" />
        <source>编辑批注…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="296" />
        <source>修改主题…（%1 条）</source>
        <translation>Change themes… (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="297" />
        <source>删除（%1 条）</source>
        <translation>Delete (%1)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="304" />
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="306" />
        <source>批注一览</source>
        <translation>Annotations overview</translation>
    </message>
</context>
<context>
    <name>ThemeManager</name>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="142" />
        <source>主题管理</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="149" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="149" />
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="150" />
        <source>颜色…</source>
        <translation>Colour…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="150" />
        <source>关键词…</source>
        <translation>Keywords…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="151" />
        <source>合并到…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="151" />
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="156" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="184" />
        <source>主题</source>
        <translation>Themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="189" />
        <location filename="../../reader/ui/theme_dialog.py" line="192" />
        <source>新建主题</source>
        <translation>New theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="189" />
        <source>主题名称（中文）：</source>
        <translation>Theme name (Chinese):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="192" />
        <source>英文名称（可选）：</source>
        <translation>English name (optional):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="193" />
        <location filename="../../reader/ui/theme_dialog.py" line="213" />
        <source>主题颜色</source>
        <translation>Theme colour</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="202" />
        <location filename="../../reader/ui/theme_dialog.py" line="205" />
        <source>主题改名</source>
        <translation>Rename theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="202" />
        <source>中文名称：</source>
        <translation>Chinese name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="205" />
        <source>英文名称：</source>
        <translation>English name:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="221" />
        <source>关键词</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="221" />
        <source>关键词（用空格分隔）：</source>
        <translation>Keywords (separated by spaces):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="232" />
        <source>合并主题</source>
        <translation>Merge theme</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="233" />
        <source>把“%1”的批注并入：</source>
        <translation>Move the annotations of “%1” into:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="243" />
        <source>删除主题“%1”？</source>
        <translation>Delete the theme “%1”?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="245" />
        <source>有 %1 条批注带有此主题：批注会保留，只去掉此主题。</source>
        <translation>%1 annotations carry this theme: they are kept, only this theme is removed from them.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="246" />
        <source>删除主题</source>
        <translation>Delete theme</translation>
    </message>
</context>
<context>
    <name>ThemePicker</name>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="44" />
        <source>选择主题</source>
        <translation>Choose themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="51" />
        <source>可多选；高亮颜色取第一个主题的颜色。</source>
        <translation>Several allowed; the highlight takes the colour of the first theme.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="53" />
        <source>已按关键词勾选：%1</source>
        <translation>Ticked by keyword: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="57" />
        <source>输入以筛选主题（名称或关键词）</source>
        <translation>Type to filter themes (name or keyword)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/theme_dialog.py" line="61" />
        <source>管理主题…</source>
        <translation>Manage themes…</translation>
    </message>
</context>
</TS>