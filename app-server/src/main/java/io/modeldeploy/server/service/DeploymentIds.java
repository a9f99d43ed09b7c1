package io.modeldeploy.server.service;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** Ids of deployment versions, in NeMo's form {@code model-deployment-<base58 of a random UUID>}. */
public final class DeploymentIds {
    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final BigInteger BASE = BigInteger.valueOf(ALPHABET.length);

    private DeploymentIds() {
    }

    public static String next() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        BigInteger value = new BigInteger(1, bytes);
        StringBuilder encoded = new StringBuilder();
        while (value.signum() > 0) {
            BigInteger[] divided = value.divideAndRemainder(BASE);
            encoded.append(ALPHABET[divided[1].intValue()]);
            value = divided[0];
        }
        return "model-deployment-" + encoded.reverse();
    }
}
