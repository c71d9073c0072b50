package dev.devops.engine;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A JVM default TLS context that is made on first use. docker-java's zerodep transport asks for
 * the default context even for a unix-socket engine, which never speaks TLS; making it (the TLS
 * provider, a seeded random source and the parsed trust store) took about 100–150 ms of a no-op
 * {@code devops up} here. {@link #installAsDefault} is called only for socket and pipe engines;
 * anything in the process that does use TLS later gets the JVM's own default context, made then.
 */
final class LazyTls {
    private static boolean installed;

    private LazyTls() {
    }

    /** Makes the JVM default TLS context lazy (once per process). */
    static synchronized void installAsDefault() {
        if (!installed) {
            installed = true;
            SSLContext.setDefault(new Deferred());
        }
    }

    private static final class Deferred extends SSLContext {
        Deferred() {
            super(new Spi(), null, "Default");
        }
    }

    /** Hands every call to the JVM's "Default" context, made on the first call. */
    private static final class Spi extends SSLContextSpi {
        private SSLContext real;

        private synchronized SSLContext real() {
            if (real == null) {
                try {
                    real = SSLContext.getInstance("Default");
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("the JVM has no default TLS context", e);
                }
            }
            return real;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            real().init(km, tm, sr);
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return real().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real().getSupportedSSLParameters();
        }
    }
}
