trigger PresenceSyncLogEventTrigger on Presence_Sync_Log__e(after insert) {
    PresenceSyncLogEventHandler.store(Trigger.new);
}
