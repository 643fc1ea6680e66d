<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="33"/>
        <location filename="../../reader/ui/restore_dialog.py" line="141"/>
        <source>从备份恢复批注</source>
        <translation>Restore Annotations from a Backup</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="36"/>
        <source>批注数据库已损坏，程序没有改动它。可以从下面的备份恢复（损坏的文件会另存，不会删除）：</source>
        <translation>The annotation store is damaged; it has not been changed. You can restore one of these backups (the damaged file is kept aside, not deleted):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="45"/>
        <source>用所选备份替换当前的批注数据库（当前文件会另存，不会删除）：</source>
        <translation>Replace the current annotation store with the chosen backup (the current file is kept aside, not deleted):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="60"/>
        <location filename="../../reader/ui/restore_dialog.py" line="142"/>
        <source>还没有任何备份。</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="62"/>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="64"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="74"/>
        <source>{0}&#x3000;{1} 条批注，{2} 个主题</source>
        <translation>{0}  {1} annotations, {2} themes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="76"/>
        <source>（近期备份）</source>
        <translation> (recent backup)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="78"/>
        <source>{0}&#x3000;已损坏，无法使用</source>
        <translation>{0}  damaged, cannot be used</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="111"/>
        <source>已从备份恢复 {0} 条批注</source>
        <translation>Restored {0} annotations from the backup</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="151"/>
        <source>资料库为只读：可以阅读、搜索和导出，不能添加或修改批注</source>
        <translation>The library is read-only: you can read, search and export, but not add or change annotations</translation>
    </message>
    <message>
        <location filename="../../reader/ui/restore_dialog.py" line="153"/>
        <source>从备份恢复批注…</source>
        <translation>Restore Annotations from a Backup…</translation>
    </message>
</context>
</TS>
