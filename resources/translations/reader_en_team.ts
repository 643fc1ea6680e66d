<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TeamStatus</name>
    <message>
        <location filename="../../reader/ui/team_status.py" line="37"/>
        <source>与团队库同步</source>
        <translation>Sync with Team Library</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="39"/>
        <source>团队库设置…</source>
        <translation>Team Library Settings…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/team_status.py" line="62"/>
        <source>%n 处冲突</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="64"/>
        <location filename="../../reader/ui/team_status.py" line="89"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="66"/>
        <source>待同步</source>
        <translation>Changes to sync</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="68"/>
        <source>已同步</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="82"/>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="89"/>
        <source>同步失败</source>
        <translation>Sync failed</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="107"/>
        <source>团队库设置</source>
        <translation>Team Library Settings</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="113"/>
        <source>团队库地址</source>
        <translation>Team library URL</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="114"/>
        <source>显示名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../reader/ui/team_status.py" line="129"/>
        <source>已加入团队库</source>
        <translation>Joined the team library</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="228"/>
        <source>全组批注</source>
        <translation>The team's annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/review_panel.py" line="228"/>
        <source>我的批注</source>
        <translation>My annotations</translation>
    </message>
</context>
</TS>
