<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>BusyIndicator</name>
    <message>
        <location filename="../../reader/ui/busy_indicator.py" line="25" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/busy_indicator.py" line="63" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/busy_indicator.py" line="72" />
        <source>（另有 %1 项）</source>
        <translation> (+%1 more)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="75" />
        <source>缩略图</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="80" />
        <source>政策汇编阅读器</source>
        <translation>Policy Compilation Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="122" />
        <source>打开 PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="122" />
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151" />
        <source>此 PDF 没有文字层（可能是扫描件）：可以阅读，但无法搜索、选择文字或分析结构。</source>
        <translation>This PDF has no text layer (probably a scan): you can read it, but search, text selection and structure are unavailable.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151"/>
        <source>此 PDF 的页面已损坏，无法读取文字：%1</source>
        <translation>The pages of this PDF are damaged; no text can be read: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="196" />
        <source>正在登记文件…</source>
        <translation>Recording the file…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="208" />
        <source>正在分析文档结构…</source>
        <translation>Analysing the document structure…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="226" />
        <location filename="../../reader/ui/window_actions.py" line="55" />
        <source>没有这一页：%1</source>
        <translation>No such page: %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="34" />
        <source>输入页码标签（如 45、II）或 #页序号，回车跳转 (Ctrl+G)</source>
        <translation>Type a page label (e.g. 45, II) or #physical number and press Enter (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="82" />
        <location filename="../../reader/ui/window_actions.py" line="150" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="83" />
        <location filename="../../reader/ui/window_actions.py" line="151" />
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="123" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="124" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="125" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="126" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="127" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="131" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="132" />
        <source>最近打开</source>
        <translation>Open Recent</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="135" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="137" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="141" />
        <source>转到页…</source>
        <translation>Go to Page…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="144" />
        <source>放大</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="146" />
        <source>缩小</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="149" />
        <source>实际大小</source>
        <translation>Actual Size</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="153" />
        <source>面板</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="155" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="158" />
        <location filename="../../reader/ui/window_actions.py" line="199" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="163" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="168" />
        <source>页码 </source>
        <translation>Page </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="193" />
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="195" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window_actions.py" line="199" />
        <source>政策汇编阅读器

阅读、检索与批注政策汇编 PDF。
所有数据保存在本机。</source>
        <translation>Policy Compilation Reader

Read, search and annotate PDF policy compilations.
All data stays on this computer.</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <location filename="../../reader/ui/page_view_paint.py" line="65" />
        <source>第 %1 页无法显示（页面已损坏）</source>
        <translation>Page %1 cannot be shown (the page is damaged)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view_paint.py" line="74" />
        <source>打开 PDF（Ctrl+O），或把文件拖到这里</source>
        <translation>Open a PDF (Ctrl+O), or drop a file here</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_view_input.py" line="62" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <location filename="../../reader/ui/thumbnails.py" line="64" />
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>文件是空的</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="20" />
        <source>找不到文件</source>
        <translation>File not found</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="21" />
        <source>不是 PDF 文件</source>
        <translation>Not a PDF file</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="22" />
        <source>PDF 文件已损坏</source>
        <translation>The PDF is damaged</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="23" />
        <source>PDF 没有页面</source>
        <translation>The PDF has no pages</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="24" />
        <location filename="../../reader/ui/dialogs.py" line="46" />
        <source>需要密码</source>
        <translation>Password required</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="25" />
        <source>没有文字层</source>
        <translation>No text layer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="26" />
        <source>无法读写数据</source>
        <translation>Cannot read or write data</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="27" />
        <source>无法执行此操作</source>
        <translation>Cannot do this</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="29" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="43" />
        <source>“%1”已加密，请输入密码：</source>
        <translation>“%1” is encrypted. Enter its password:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs.py" line="45" />
        <source>密码错误，请重试。</source>
        <translation>Wrong password, please try again.</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="64" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="65" />
        <source>界面语言将在重新启动后切换。现在重新启动吗？</source>
        <translation>The interface language changes after a restart. Restart now?</translation>
    </message>
</context>
</TS>