package com.example.lib;

/** The library module: the api module must be built with it (-am). */
public final class Greeting {
    private Greeting() {
    }

    public static String text() {
        return "ok";
    }
}
