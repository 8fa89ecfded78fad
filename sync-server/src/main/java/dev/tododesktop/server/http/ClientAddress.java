package dev.tododesktop.server.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, for rate limits and logs: the TCP peer, unless the peer is
 * a proxy we were told to trust, in which case the nearest untrusted hop of
 * {@code X-Forwarded-For}. A client can therefore never pick its own address by sending the header.
 */
public final class ClientAddress {

    private final Set<InetAddress> trustedProxies;

    public ClientAddress(List<InetAddress> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (trustedProxies.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        var hops = List.of(forwarded.split(",")).stream().map(String::strip).collect(Collectors.toList());
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isTrusted(hop)) {
                return isLiteralAddress(hop) ? hop : peer;
            }
        }
        return hops.getFirst();
    }

    private boolean isTrusted(String address) {
        if (!isLiteralAddress(address)) {
            return false;
        }
        try {
            return trustedProxies.contains(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteralAddress(String s) {
        return !s.isEmpty() && s.length() <= 45 && s.matches("[0-9a-fA-F:.]+");
    }
}
