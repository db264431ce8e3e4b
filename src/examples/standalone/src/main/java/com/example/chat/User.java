package com.example.chat;

public record User(String id, String name) {}
