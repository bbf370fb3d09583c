package io.crmkit.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A PostgreSQL server for the tests, started by the tests themselves (docs/adr/0030): either the
 * server named by {@code CRMKIT_POSTGRES_URL} (or the system property {@code crmkit.postgres.url}),
 * or a throwaway cluster created with the PostgreSQL binaries installed on the machine (Debian's
 * {@code postgresql} package, which {@code .ci/run} installs; or {@code CRMKIT_POSTGRES_BIN}) in a
 * temporary directory, on a free local port, stopped and deleted when the JVM exits. As root
 * (PostgreSQL refuses to run as root) the cluster runs as the {@code postgres} user, or
 * {@code nobody}, through {@code runuser}.
 *
 * <p>When neither is possible the tests that need it skip, with the reason; with
 * {@code CRMKIT_POSTGRES_REQUIRED=true} (set by {@code .ci/run}) they fail instead.
 */
final class PostgresServer {

    private static final Object LOCK = new Object();
    private static PostgresServer instance;
    private static String unavailable;

    private final String baseUrl;
    private final String query;
    private final String adminDatabase;

    private PostgresServer(String baseUrl, String query, String adminDatabase) {
        this.baseUrl = baseUrl;
        this.query = query;
        this.adminDatabase = adminDatabase;
    }

    /** Whether a missing PostgreSQL fails the tests rather than skipping them. */
    static boolean required() {
        return Boolean.parseBoolean(setting("crmkit.postgres.required", "CRMKIT_POSTGRES_REQUIRED").orElse("false"));
    }

    /** The server, started on first use; empty (see {@link #unavailableReason()}) when none can start. */
    static Optional<PostgresServer> get() {
        synchronized (LOCK) {
            if (instance == null && unavailable == null) {
                try {
                    instance = start();
                } catch (Exception e) {
                    unavailable = e.getMessage();
                }
            }
            return Optional.ofNullable(instance);
        }
    }

    /** Why no server could start. */
    static String unavailableReason() {
        get();
        return "PostgreSQL unavailable (" + unavailable + "): install Debian's postgresql package (.ci/run does),"
                + " or set CRMKIT_POSTGRES_BIN to its bin directory, or CRMKIT_POSTGRES_URL to a server's admin URL";
    }

    /** The server, or an assumption failure / error naming why there is none. */
    static PostgresServer require() {
        Optional<PostgresServer> server = get();
        if (server.isPresent()) {
            return server.get();
        }
        if (required()) {
            throw new IllegalStateException(unavailableReason());
        }
        throw new org.opentest4j.TestAbortedException(unavailableReason());
    }

    /** The URL of a database on this server. */
    String url(String database) {
        return baseUrl + database + query;
    }

    /** Creates (anew) a database and migrates the crmkit schema into it. */
    DataSource freshDatabase(String name) {
        String db = name.toLowerCase(Locale.ROOT);
        try (Connection c = JdbcDialect.dataSource(url(adminDatabase)).getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db + " TEMPLATE template0 ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + db, e);
        }
        DataSource ds = JdbcDialect.dataSource(url(db));
        JdbcSchema.migrate(ds);
        return ds;
    }

    /** An admin connection (to terminate other sessions in fault tests). */
    Connection admin() throws SQLException {
        return JdbcDialect.dataSource(url(adminDatabase)).getConnection();
    }

    private static Optional<String> setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        Optional<String> url = setting("crmkit.postgres.url", "CRMKIT_POSTGRES_URL");
        if (url.isPresent()) {
            // jdbc:postgresql://host:port/admin_db?user=...: databases are created beside admin_db
            String u = url.get();
            int q = u.indexOf('?');
            String path = q < 0 ? u : u.substring(0, q);
            String query = q < 0 ? "" : u.substring(q);
            int slash = path.lastIndexOf('/');
            String base = path.substring(0, slash + 1);
            String admin = path.substring(slash + 1);
            return new PostgresServer(base, query, admin);
        }
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        String runAs = root ? (userExists("postgres") ? "postgres" : "nobody") : null;
        Path dir = Files.createTempDirectory("crmkit-pg-");
        Path data = dir.resolve("data");
        if (runAs != null) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
            Files.setOwner(dir, owner);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, runAs, dir, data)));
        run(dir, runAs, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "crmkit", "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(dir, runAs, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100", "start");
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/", "?user=crmkit", "postgres");
    }

    private static void stop(Path bin, String runAs, Path dir, Path data) {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(dir, runAs, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // best effort at JVM exit
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at JVM exit
        }
    }

    /** The bin directory of an installed PostgreSQL: CRMKIT_POSTGRES_BIN, Debian's newest, or the PATH. */
    private static Path findBinaries() throws IOException {
        Optional<String> configured = setting("crmkit.postgres.bin", "CRMKIT_POSTGRES_BIN");
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(b -> versionOf(b.getParent().getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb")) && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Path.of(p);
            }
        }
        throw new IOException("no PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or on the PATH");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean userExists(String user) {
        try {
            Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(Path dir, String runAs, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) {
            cmd.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        cmd.addAll(List.of(command));
        Path log = Files.createTempFile("crmkit-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(Path.of(command[0]).getFileName() + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                throw new IOException(Path.of(command[0]).getFileName() + " failed (exit " + p.exitValue() + "): "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
