package io.modeldeploy.gui;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * The installed console renders in software ({@code -Dmodeldeploy.rendering=software} in its
 * launcher): a console of tables and forms needs no GPU, and JavaFX's OpenGL pipeline maps the
 * system's OpenGL driver (Mesa with LLVM: about 50 MB of the console's memory). A {@code prism.order}
 * of the user's own ({@code JAVA_TOOL_OPTIONS=-Dprism.order=es2}) wins.
 * <p>
 * Even then GTK opens OpenGL to pick the window's visual, unless {@code GDK_GL=disable} is in the
 * environment; this sets it in the console's own process before JavaFX starts GTK. Java can only
 * set its own environment through the foreign-function API (Java 22 and later, used through
 * reflection because the code is built for Java 17), and only where native access is enabled, as in
 * the installed console's launcher; elsewhere GTK maps OpenGL as before.
 */
final class SoftwareRendering {

    static final String PROPERTY = "modeldeploy.rendering";

    private SoftwareRendering() {
    }

    /** Chooses JavaFX's software pipeline if asked and keeps GTK off OpenGL; call before JavaFX starts. */
    static void applyIfChosen() {
        if ("software".equals(System.getProperty(PROPERTY)) && System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        if ("sw".equals(System.getProperty("prism.order")) && System.getenv("GDK_GL") == null && nativeAccessEnabled()) {
            try {
                setenv("GDK_GL", "disable");
            } catch (ReflectiveOperationException | RuntimeException e) {
                // another foreign-function API than Java 22's: GTK maps OpenGL, as without this
            }
        }
    }

    private static boolean nativeAccessEnabled() {
        try {
            Module module = SoftwareRendering.class.getModule();
            return (Boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(module);
        } catch (ReflectiveOperationException e) {
            return false; // before Java 22
        }
    }

    /** {@code setenv(name, value, 1)} of the C library, through {@code java.lang.foreign}. */
    private static void setenv(String name, String value) throws ReflectiveOperationException {
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
        Class<?> allocatorType = Class.forName("java.lang.foreign.SegmentAllocator");

        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) lookupType.getMethod("find", String.class).invoke(libc, "setenv");
        if (symbol.isEmpty()) {
            return;
        }
        Object address = valueLayoutType.getField("ADDRESS").get(null);
        Object javaInt = valueLayoutType.getField("JAVA_INT").get(null);
        Object arguments = Array.newInstance(layoutType, 3);
        Array.set(arguments, 0, address);
        Array.set(arguments, 1, address);
        Array.set(arguments, 2, javaInt);
        Object descriptor = descriptorType.getMethod("of", layoutType, arguments.getClass())
                .invoke(null, javaInt, arguments);
        Object noOptions = Array.newInstance(optionType, 0);
        MethodHandle setenv = (MethodHandle) linkerType
                .getMethod("downcallHandle", segmentType, descriptorType, noOptions.getClass())
                .invoke(linker, symbol.get(), descriptor, noOptions);
        // setenv copies both strings, so they need only live for the call.
        Object arena = arenaType.getMethod("ofConfined").invoke(null);
        try {
            Object nameString = allocatorType.getMethod("allocateFrom", String.class).invoke(arena, name);
            Object valueString = allocatorType.getMethod("allocateFrom", String.class).invoke(arena, value);
            setenv.invokeWithArguments(nameString, valueString, 1);
        } catch (Throwable e) {
            throw new IllegalStateException("setenv failed", e);
        } finally {
            arenaType.getMethod("close").invoke(arena);
        }
    }
}
