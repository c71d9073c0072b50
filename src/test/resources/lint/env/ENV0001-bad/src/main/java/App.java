class App {
    // expect: ENV0001
    String s = System.getenv("JAVA_SETTING");
}
