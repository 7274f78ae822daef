package org.edgeofchaos.explorer.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.bytedeco.javacpp.Pointer;

/**
 * What this process holds in memory, for the memory soak of {@code bench --memory}: resident memory as the
 * operating system counts it (JavaCPP reads it from /proc on Linux and from the system's API elsewhere) and the
 * Java heap. ND4J's arrays live outside the heap, so a leak of them shows as resident memory growing while the
 * heap stays flat.
 *
 * @param residentBytes    resident set size of the whole process
 * @param heapUsedBytes    Java heap in use
 * @param heapCommittedBytes Java heap reserved from the system (part of the resident memory)
 */
public record ProcessMemory(long residentBytes, long heapUsedBytes, long heapCommittedBytes) {

    public static ProcessMemory now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new ProcessMemory(Pointer.physicalBytes(), heap.getUsed(), heap.getCommitted());
    }

    private static double megabytes(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / (1024.0 * 1024.0);
    }

    public double residentMegabytes() {
        return megabytes(residentBytes);
    }

    public double heapUsedMegabytes() {
        return megabytes(heapUsedBytes);
    }

    public double heapCommittedMegabytes() {
        return megabytes(heapCommittedBytes);
    }
}
