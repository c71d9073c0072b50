/**
 * CPU time (this thread) of building picocli's model: every devops command ("all") or `ps` alone ("one").
 * Run: javac -cp target/devops.jar -d /tmp/pb bench/PicoBench.java &&
 *      for i in 1 2 3 4 5 6; do for m in all one; do java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp target/devops.jar:/tmp/pb PicoBench $m; done; done
 * (docs/BENCHMARKS.md, third session of the up benchmark).
 */
public class PicoBench {
    public static void main(String[] a) throws Exception {
        long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Object cl;
        if (a[0].equals("all")) {
            cl = dev.devops.cli.Main.commandLine();
        } else {
            cl = new picocli.CommandLine(Class.forName("dev.devops.cli.PsCommand").getDeclaredConstructor().newInstance());
        }
        long t1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.println(a[0] + " " + (t1 - t0) / 1_000_000 + " ms");
    }
}
