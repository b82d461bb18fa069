package dev.remediator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Puts a {@link TcpProxy} between the app and the test database, and hands the proxy to the test. */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {

    private static TcpProxy proxy;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        TestDatabase.ensureExists();
        String url = TestDatabase.url();
        URI uri = URI.create(url.substring("jdbc:".length()));
        try {
            proxy = new TcpProxy(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String proxied = "jdbc:postgresql://127.0.0.1:" + proxy.port() + uri.getPath();
        return Map.of("quarkus.datasource.jdbc.url", proxied,
                "quarkus.datasource.jdbc.acquisition-timeout", "3S");
    }

    @Override
    public void stop() {
        proxy.close();
    }
}
