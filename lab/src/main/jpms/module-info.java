/** Training data, model export and accuracy tracking around the agent. */
module dev.ferret.lab {
    requires transitive dev.ferret.agent;
    // ferret track --endpoint: the query suite sent to running servers (RemoteAgent)
    requires java.net.http;

    exports dev.ferret.lab.data;
    exports dev.ferret.lab.export;
    exports dev.ferret.lab.track;
}
