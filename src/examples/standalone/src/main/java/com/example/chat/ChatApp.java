package com.example.chat;

import io.jcable.standalone.CableServer;

public class ChatApp {

    public static void main(String[] args) throws InterruptedException {
        CableServer server = CableServer.builder()
                .port(8080)                                              // host 127.0.0.1 by default
                .option("jcable.allowed-origins", "http://localhost:5173")  // the page's origin: see below
                .servlet("/announce", new AnnounceServlet())             // your own Servlets on the same port
                .start()
                .stopOnShutdown();                                       // SIGTERM: clients get server_restart first
        server.awaitStop();
    }
}
