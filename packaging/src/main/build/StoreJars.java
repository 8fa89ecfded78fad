import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar in a directory with its entries stored, not deflated: the installers
 * compress their payload (xz in a .deb), and that does much better on plain class files than on
 * already-deflated ones (the .deb is about 25 MB smaller). Same entries, same order, same bytes,
 * so signed jars (bcprov) still verify. Run with the JDK's source launcher:
 * java StoreJars.java DIR
 */
public final class StoreJars {
    public static void main(String[] args) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (var files = Files.list(Path.of(args[0]))) {
            files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        for (Path jar : jars) {
            Path stored = jar.resolveSibling(jar.getFileName() + ".stored");
            try (var in = new ZipInputStream(Files.newInputStream(jar));
                 var out = new ZipOutputStream(Files.newOutputStream(stored))) {
                out.setMethod(ZipOutputStream.STORED);
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    byte[] bytes = in.readAllBytes();
                    var copy = new ZipEntry(entry.getName());
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    var crc = new CRC32();
                    crc.update(bytes);
                    copy.setCrc(crc.getValue());
                    if (entry.getTime() != -1) {
                        copy.setTime(entry.getTime());
                    }
                    if (entry.getExtra() != null) {
                        copy.setExtra(entry.getExtra());
                    }
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            Files.move(stored, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("Stored %d jars in %s uncompressed%n", jars.size(), args[0]);
    }
}
