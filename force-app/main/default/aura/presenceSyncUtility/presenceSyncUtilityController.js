({
    // Aura wires one action per Omni-Channel event, so one handler each; they differ only in the
    // params their event documents, and the helper does the relaying once for all of them.
    onLoginSuccess: function (component, event, helper) {
        helper.relayEvent(component, 'loginSuccess', event, ['statusId']);
    },

    onStatusChanged: function (component, event, helper) {
        helper.relayEvent(component, 'statusChanged', event, [
            'statusId',
            'statusName',
            'statusApiName',
            'channels',
            'reason'
        ]);
    },

    onLogout: function (component, event, helper) {
        helper.relayEvent(component, 'logout', event, ['reason']);
    },

    onWorkAccepted: function (component, event, helper) {
        helper.relayEvent(component, 'workAccepted', event, ['workItemId', 'workId']);
    },

    onWorkloadChanged: function (component, event, helper) {
        helper.relayEvent(component, 'workloadChanged', event, [
            'configuredCapacity',
            'previousWorkload',
            'newWorkload',
            'configuredInterruptibleCapacity',
            'previousInterruptibleWorkload',
            'newInterruptibleWorkload'
        ]);
    },

    onOmniRequest: function (component, event, helper) {
        helper.runRequest(component, {
            requestId: event.getParam('requestId'),
            method: event.getParam('method'),
            args: event.getParam('args')
        });
    }
});
