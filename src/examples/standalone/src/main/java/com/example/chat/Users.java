package com.example.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class Users {                            // your own store; here two fixed tokens

    private final Map<String, User> byToken = Map.of(
            "alice-token", new User("alice", "Alice"),
            "bob-token", new User("bob", "Bob"));

    public Optional<User> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
