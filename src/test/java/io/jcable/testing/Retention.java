package io.jcable.testing;

import java.io.File;
import java.util.List;
import java.util.stream.Stream;
import shark.FilteringLeakingObjectFinder;
import shark.HeapAnalysis;
import shark.HeapAnalysisSuccess;
import shark.HeapAnalyzer;
import shark.HeapObject;
import shark.IgnoredReferenceMatcher;
import shark.LeakTrace;
import shark.LeakTraceReference;
import shark.MetadataExtractor;
import shark.ObjectInspectors;
import shark.OnAnalysisProgressListener;
import shark.ReferencePattern;

/**
 * What keeps classes alive in a heap dump: the strong reference paths from GC roots to each loaded
 * copy of a class (one per class loader), found by LeakCanary's Shark. Weak and soft references do
 * not count.
 */
public final class Retention {

    private Retention() {
    }

    /** One path per retained copy of {@code className}, each as the class names along it, root first. */
    @SuppressWarnings("deprecation") // shark deprecates this overload of analyze(); it still does what the leak tests need
    public static List<List<String>> pathsTo(File heapDump, String className) {
        HeapAnalyzer analyzer = new HeapAnalyzer(OnAnalysisProgressListener.Companion.getNO_OP());
        HeapAnalysis analysis = analyzer.analyze(heapDump,
                new FilteringLeakingObjectFinder(List.of(object ->
                        object instanceof HeapObject.HeapClass loaded && loaded.getName().equals(className))),
                List.of(new IgnoredReferenceMatcher(new ReferencePattern.InstanceFieldPattern("java.lang.ref.Reference",
                        "referent"))),
                false, List.of(ObjectInspectors.THREAD), MetadataExtractor.Companion.getNO_OP(), null);
        if (!(analysis instanceof HeapAnalysisSuccess success)) {
            throw new AssertionError("heap analysis failed: " + analysis);
        }
        return Stream.concat(success.getApplicationLeaks().stream(), success.getLibraryLeaks().stream())
                .flatMap(leak -> leak.getLeakTraces().stream())
                .map(Retention::path)
                .toList();
    }

    private static List<String> path(LeakTrace trace) {
        return trace.getReferencePath().stream()
                .map(LeakTraceReference::getOriginObject)
                .map(object -> object.getClassName() + (object.getType().name().equals("CLASS") ? " (class)" : "")
                        + (object.getLabels().isEmpty() ? "" : " " + object.getLabels()))
                .toList();
    }
}
