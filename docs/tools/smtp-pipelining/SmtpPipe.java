import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Sends TOTAL messages of about 3 KB over CONNECTIONS reused SMTP connections to a local sink, in
 * lock-step (each command waits for its reply, as Jakarta Mail sends) or pipelined (RFC 2920:
 * MAIL, RCPT and DATA in one write, then their three replies), and prints the rate and the CPU
 * an email of this client and of the sink (from its /proc/PID/stat). See docs/performance.md,
 * "SMTP pipelining, measured apart".
 *
 * <pre>
 * smtp-sink -u root 127.0.0.1:2525 1000 &amp;
 * java docs/tools/smtp-pipelining/SmtpPipe.java 2525 lock|pipe CONNECTIONS TOTAL $(pgrep -f "smtp-sink -u root 127.0.0.1:2525")
 * </pre>
 */
public class SmtpPipe {
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]); boolean pipe = a[1].equals("pipe"); int conns = Integer.parseInt(a[2]);
        int total = Integer.parseInt(a[3]); long sinkPid = Long.parseLong(a[4]);
        StringBuilder body = new StringBuilder();
        while (body.length() < 3000) body.append("Aluminium is on the UK Critical Minerals List; we will keep members told.\r\n");
        AtomicInteger left = new AtomicInteger(total);
        ExecutorService pool = Executors.newFixedThreadPool(conns);
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(); long sink0 = ticks(sinkPid); long t0 = System.nanoTime();
        java.util.List<Future<?>> fs = new java.util.ArrayList<>();
        for (int c = 0; c < conns; c++) fs.add(pool.submit(() -> { send(port, pipe, left, body.toString()); return null; }));
        for (Future<?> f : fs) f.get();
        long t1 = System.nanoTime(); long cpu1 = os.getProcessCpuTime(); long sink1 = ticks(sinkPid);
        pool.shutdown();
        double s = (t1 - t0) / 1e9;
        System.out.printf("%s conns=%d: %.0f msgs/s, client %.0f us/msg, sink %.0f us/msg%n", pipe ? "pipelined" : "lock-step", conns,
                total / s, (cpu1 - cpu0) / 1e3 / total, (sink1 - sink0) * 1e6 / 100 / total);
    }
    static long ticks(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    static void send(int port, boolean pipe, AtomicInteger left, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 8192);
            reply(in); write(out, "EHLO bench\r\n"); reply(in);
            int n = 0;
            while (left.getAndDecrement() > 0) {
                n++;
                String env = "MAIL FROM:<alerts@herald.example>\r\n";
                String rcpt = "RCPT TO:<member" + n + "@example.org>\r\n";
                String msg = "Message-ID: <" + n + "." + Thread.currentThread().getId() + "@herald.example>\r\nSubject: MoU\r\n\r\n" + body + ".\r\n";
                if (pipe) {
                    write(out, env + rcpt + "DATA\r\n"); reply(in); reply(in); reply(in);
                    write(out, msg); reply(in);
                } else {
                    write(out, env); reply(in); write(out, rcpt); reply(in); write(out, "DATA\r\n"); reply(in);
                    write(out, msg); reply(in);
                }
            }
            write(out, "QUIT\r\n"); reply(in);
        }
    }
    static void write(OutputStream out, String s) throws IOException { out.write(s.getBytes(StandardCharsets.US_ASCII)); out.flush(); }
    static void reply(BufferedReader in) throws IOException {
        String line;
        do { line = in.readLine(); if (line == null) throw new EOFException(); } while (line.length() > 3 && line.charAt(3) == '-');
        if (line.charAt(0) != '2' && line.charAt(0) != '3') throw new IOException(line);
    }
}
