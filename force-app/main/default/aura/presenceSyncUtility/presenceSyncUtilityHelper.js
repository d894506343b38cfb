({
    relayEvent: function (component, name, event, fields) {
        var agent = component.find('agent');
        if (!agent) {
            return;
        }
        var payload = {};
        fields.forEach(function (field) {
            var value = event.getParam(field);
            if (value !== undefined) {
                payload[field] = value;
            }
        });
        agent.handleOmniEvent(name, payload);
    },

    runRequest: function (component, request) {
        var agent = component.find('agent');
        var toolkit = component.find('omniToolkit');
        var answer = function (ok, result, errorMessage) {
            if (agent) {
                agent.handleOmniResponse(request.requestId, ok, ok ? result : null, ok ? null : errorMessage);
            }
        };
        // The toolkit methods the bridge contract lets the LWC ask for (OmniMethod), nothing else.
        var allowed = [
            'setServicePresenceStatus',
            'login',
            'logout',
            'getServicePresenceStatusId',
            'getAgentWorkload'
        ];
        if (allowed.indexOf(request.method) === -1 || !toolkit) {
            answer(false, null, 'The Presence Sync utility cannot run "' + request.method + '".');
            return;
        }
        var describe = function (error) {
            if (error && error.message) {
                return error.message;
            }
            return error ? String(error) : 'Omni-Channel refused the request without saying why.';
        };
        try {
            toolkit[request.method](request.args || {})
                .then(
                    $A.getCallback(function (result) {
                        answer(true, result, null);
                    })
                )
                .catch(
                    $A.getCallback(function (error) {
                        answer(false, null, describe(error));
                    })
                );
        } catch (error) {
            answer(false, null, describe(error));
        }
    }
});
