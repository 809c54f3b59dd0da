package org.fentanylkg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.sys.JenaSystem;

/** What the figures were measured on: CPU, memory, load, OS, Java and library versions. */
final class Machine {
    private Machine() {}

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", firstMatch(Path.of("/proc/cpuinfo"), "model name") + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM");
        String mem = firstMatch(Path.of("/proc/meminfo"), "MemTotal");
        if (!mem.isEmpty()) {
            long kb = Long.parseLong(mem.replaceAll("[^0-9]", ""));
            m.put("memory", String.format("%.1f GiB", kb / 1048576.0));
        }
        m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        m.put("JVM options of the harness", jvm.isEmpty() ? "(defaults)" : String.join(" ", jvm));
        m.put("Apache Jena / Fuseki", jenaVersion());
        m.put("fentanyl-kg", versionOf(Machine.class, "0.1.0"));
        return m;
    }

    /** The 1-, 5- and 15-minute load averages (other engineers share this machine). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException e) {
            return String.format("%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** From the Maven metadata Jena's jars carry (kept in the shaded jar); Jena.VERSION is not filled in there. */
    private static String jenaVersion() {
        StringBuilder v = new StringBuilder();
        for (String artifact : new String[] {"jena-arq", "jena-fuseki-main", "jena-tdb2"}) {
            try (var in = Machine.class.getClassLoader().getResourceAsStream("META-INF/maven/org.apache.jena/" + artifact + "/pom.properties")) {
                if (in == null) continue;
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                if (v.length() > 0) v.append(", ");
                v.append(artifact).append(' ').append(p.getProperty("version"));
            } catch (IOException e) {
                // leave it out
            }
        }
        if (v.length() == 0) {
            JenaSystem.init();
            v.append(org.apache.jena.Jena.VERSION);
        }
        return v.toString();
    }

    private static String versionOf(Class<?> c, String dflt) {
        String v = c.getPackage().getImplementationVersion();
        return v != null ? v : dflt;
    }

    private static String firstMatch(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            // not Linux
        }
        return "";
    }
}
