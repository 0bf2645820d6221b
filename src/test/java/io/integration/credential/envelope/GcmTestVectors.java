package io.integration.credential.envelope;

import java.util.HexFormat;
import java.util.List;

/**
 * AES-256-GCM known-answer vectors (96-bit IV, 128-bit tag), as hex.
 *
 * <p>Test cases 13-16 are from D. McGrew and J. Viega, "The Galois/Counter Mode of Operation (GCM)", revised
 * submission to NIST, Appendix B (the vectors NIST SP 800-38D refers to). The last one is Count 0 of the
 * [Keylen = 256, IVlen = 96, PTlen = 128, AADlen = 160, Taglen = 128] block of the NIST CAVP file
 * gcmEncryptExtIV256.rsp (GCMVS).
 */
public final class GcmTestVectors {

    /** One vector; {@code ciphertext} excludes the tag. */
    public record Vector(String name, String key, String iv, String aad, String plaintext, String ciphertext,
            String tag) {

        public byte[] keyBytes() {
            return hex(key);
        }

        public byte[] ivBytes() {
            return hex(iv);
        }

        public byte[] aadBytes() {
            return hex(aad);
        }

        public byte[] plaintextBytes() {
            return hex(plaintext);
        }

        /** Ciphertext followed by the tag, as the JCE and BouncyCastle produce it. */
        public byte[] sealedBytes() {
            return hex(ciphertext + tag);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String K0 = "0000000000000000000000000000000000000000000000000000000000000000";
    private static final String K15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String IV15 = "cafebabefacedbaddecaf888";
    private static final String P15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String C15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    public static final List<Vector> ALL = List.of(
            new Vector("McGrew-Viega test case 13 (empty plaintext, no AAD)", K0, "000000000000000000000000", "",
                    "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
            new Vector("McGrew-Viega test case 14 (one zero block, no AAD)", K0, "000000000000000000000000", "",
                    "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18",
                    "d0d1c8a799996bf0265b98b5d48ab919"),
            new Vector("McGrew-Viega test case 15 (64-byte plaintext, no AAD)", K15, IV15, "", P15, C15,
                    "b094dac5d93471bdec1a502270e3cc6c"),
            new Vector("McGrew-Viega test case 16 (60-byte plaintext, 20-byte AAD)", K15, IV15,
                    "feedfacedeadbeeffeedfacedeadbeefabaddad2", P15.substring(0, 120), C15.substring(0, 120),
                    "76fc6ece0f4e1768cddf8853bb2d551b"),
            new Vector("NIST CAVP gcmEncryptExtIV256 Keylen=256 IVlen=96 PTlen=128 AADlen=160 Count=0",
                    "83688deb4af8007f9b713b47cfa6c73e35ea7a3aa4ecdb414dded03bf7a0fd3a", "0b459724904e010a46901cf3",
                    "794a14ccd178c8ebfd1379dc704c5e208f9d8424", "33d893a2114ce06fc15d55e454cf90c3",
                    "cc66bee423e3fcd4c0865715e9586696", "0fb291bd3dba94a1dfd8b286cfb97ac5"));

    private GcmTestVectors() {
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }
}
