<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TeamFetch</name>
    <message>
        <location filename="../../reader/ui/team_fetch.py" line="29"/>
        <source>从团队库下载</source>
        <translation>Download from the Team Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_fetch.py" line="30"/>
        <source>“%1”不在本机。从团队库下载这份汇编的 PDF 并打开？</source>
        <translation>“%1” is not on this computer. Download the compilation’s PDF from the team library and open it?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_fetch.py" line="34"/>
        <source>正在从团队库下载…</source>
        <translation>Downloading from the team library…</translation>
    </message>
</context>
</TS>
