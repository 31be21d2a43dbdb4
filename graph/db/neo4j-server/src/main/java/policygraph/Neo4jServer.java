package policygraph;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j Community, embedded, with Bolt on loopback: the project's local database.
 *
 * Configured by environment variables (all optional):
 *   NEO4J_BOLT_PORT    Bolt port (7687)
 *   NEO4J_BOLT_HOST    address Bolt listens on (127.0.0.1)
 *   NEO4J_DATA_DIR     database directory (.data/neo4j)
 *   NEO4J_PAGECACHE    page cache size, e.g. 512m, 2g (512m)
 *   NEO4J_TX_MEMORY    memory all transactions together may use (2g)
 * The heap is set on the java command line (-Xmx) by whoever starts it.
 *
 * LOAD CSV from file URLs is refused (dbms.security.allow_csv_import_from_file_urls=false).
 *
 * It prints exactly one line starting with "NEO4J READY" once Bolt accepts connections, and
 * shuts down cleanly on SIGTERM/SIGINT. With --exit-with-parent it also shuts down when its
 * standard input closes, so a parent that dies without stopping it leaves nothing running.
 */
public final class Neo4jServer {
    public static void main(String[] args) throws Exception {
        String host = env("NEO4J_BOLT_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        Path dataDir = Path.of(env("NEO4J_DATA_DIR", ".data/neo4j")).toAbsolutePath();
        long pageCache = parseBytes(env("NEO4J_PAGECACHE", "512m"));
        long txMemory = parseBytes(env("NEO4J_TX_MEMORY", "2g"));

        // Neo4j would otherwise fail deep inside start-up with a stack trace; say it plainly.
        if (!portIsFree(host, port)) {
            System.err.println("NEO4J FAILED port " + port + " on " + host
                    + " is already in use: stop the process using it or set NEO4J_BOLT_PORT");
            System.exit(2);
        }

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                    .setConfig(HttpConnector.enabled, false)
                    // Loopback only; the project's own server guards writes with a token.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // LOAD CSV FROM 'file:///…' would read any file this process can (no import
                    // directory is set, so the whole file system); the project never loads that way.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                    .build();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            String why = String.valueOf(root.getMessage());
            if (why.contains("lock") || why.contains("Lock")) {
                why = "the data directory " + dataDir + " is in use by another Neo4j process (" + why + ")";
            }
            System.err.println("NEO4J FAILED " + why);
            System.exit(3);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J STOPPING");
            dbms.shutdown();
            System.out.println("NEO4J STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("NEO4J READY bolt://" + host + ":" + port + " data=" + dataDir + " started_ms=" + millis);
        System.out.flush();

        for (String arg : args) {
            if (arg.equals("--exit-with-parent")) exitWhenStdinCloses();
        }
        stopped.await();
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) { /* the parent never writes; we only wait for EOF */ }
            } catch (IOException ignored) {
                // A broken pipe means the same thing as EOF.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean portIsFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static long parseBytes(String text) {
        String s = text.toLowerCase();
        long unit = 1;
        if (s.endsWith("k")) unit = ByteUnit.kibiBytes(1);
        else if (s.endsWith("m")) unit = ByteUnit.mebiBytes(1);
        else if (s.endsWith("g")) unit = ByteUnit.gibiBytes(1);
        if (unit != 1) s = s.substring(0, s.length() - 1);
        return Long.parseLong(s) * unit;
    }

    private Neo4jServer() {}
}
