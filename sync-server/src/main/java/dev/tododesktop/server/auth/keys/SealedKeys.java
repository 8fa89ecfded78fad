package dev.tododesktop.server.auth.keys;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.util.Objects;

/**
 * Seals a private signing key for the database and opens it again: a compact JWE ({@code dir},
 * {@code A256GCM}) under a {@link KeyEncryptionKeys key-encryption key}, its header naming that
 * key ({@code kid}) and the signing key it holds ({@code sk}). The header is authenticated, so
 * a sealed key copied onto another row, or changed in any byte, does not open.
 */
public final class SealedKeys {

    private static final String SIGNING_KEY_ID = "sk";

    private final KeyEncryptionKeys keks;

    public SealedKeys(KeyEncryptionKeys keks) {
        this.keks = Objects.requireNonNull(keks);
    }

    /** What {@link #open} found in a {@code private_jwk} column. */
    public sealed interface Opened {
        /** Sealed with a key we have. {@code resealable}: not with the current one, so seal it again. */
        record Sealed(ECKey key, boolean resealable) implements Opened {}

        /** In clear, as versions before sealing stored it. */
        record InClear(ECKey key) implements Opened {}

        /** Sealed with a key-encryption key this server was not given. */
        record OtherKek(String kekId) implements Opened {}

        /** Neither: damaged, or not for this row. */
        record Unreadable(String reason) implements Opened {}
    }

    /** The ids of the key-encryption keys, the sealing one first (for messages: ids say nothing about keys). */
    public java.util.List<String> kekIds() {
        return keks.ids();
    }

    public String seal(ECKey privateKey) {
        var kek = keks.sealing();
        var header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(kek.id())
                .customParam(SIGNING_KEY_ID, privateKey.getKeyID())
                .build();
        var jwe = new JWEObject(header, new Payload(privateKey.toJSONString()));
        try {
            jwe.encrypt(new DirectEncrypter(kek.key()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot seal signing key " + privateKey.getKeyID(), e);
        }
        return jwe.serialize();
    }

    /** Opens the column's value for the row of signing key {@code kid}. Never throws, never says what the key is. */
    public Opened open(String kid, String stored) {
        if (stored.stripLeading().startsWith("{")) {
            try {
                ECKey key = ECKey.parse(stored);
                return kid.equals(key.getKeyID()) && key.isPrivate()
                        ? new Opened.InClear(key)
                        : new Opened.Unreadable("a key in clear that is not this row's private key");
            } catch (ParseException e) {
                return new Opened.Unreadable("neither sealed nor a key");
            }
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(stored);
        } catch (ParseException e) {
            return new Opened.Unreadable("neither sealed nor a key");
        }
        var header = jwe.getHeader();
        if (!JWEAlgorithm.DIR.equals(header.getAlgorithm()) || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            return new Opened.Unreadable("sealed in an unknown way");
        }
        if (!kid.equals(header.getCustomParam(SIGNING_KEY_ID))) {
            return new Opened.Unreadable("sealed for another row");
        }
        var kek = keks.byId(String.valueOf(header.getKeyID()));
        if (kek.isEmpty()) {
            return new Opened.OtherKek(String.valueOf(header.getKeyID()));
        }
        try {
            jwe.decrypt(new DirectDecrypter(kek.get().key()));
            ECKey key = ECKey.parse(jwe.getPayload().toString());
            if (!kid.equals(key.getKeyID()) || !key.isPrivate()) {
                return new Opened.Unreadable("sealed content is not this row's private key");
            }
            return new Opened.Sealed(key, !kek.get().id().equals(keks.sealing().id()));
        } catch (JOSEException | ParseException | IllegalStateException e) {
            return new Opened.Unreadable("does not open with its key-encryption key (damaged?)");
        }
    }
}
