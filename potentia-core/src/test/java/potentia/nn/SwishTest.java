package potentia.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwishTest {

    @ParameterizedTest
    @CsvSource({"1.0, 0.3", "1.0, -2.5", "0.6, 4.0", "1.7, -0.8", "1.0, 0.0", "2.0, 30.0", "2.0, -30.0"})
    void derivativesMatchCentralDifferences(double beta, double z) {
        double h = 1e-5;
        assertEquals(z / (1 + Math.exp(-beta * z)), Swish.value(beta, z), 1e-15);
        double dz = (Swish.value(beta, z + h) - Swish.value(beta, z - h)) / (2 * h);
        assertEquals(dz, Swish.derivative(beta, z), 1e-9 * Math.max(1, Math.abs(dz)));
        double dzz = (Swish.derivative(beta, z + h) - Swish.derivative(beta, z - h)) / (2 * h);
        assertEquals(dzz, Swish.secondDerivative(beta, z), 1e-8);
        double db = (Swish.value(beta + h, z) - Swish.value(beta - h, z)) / (2 * h);
        assertEquals(db, Swish.betaDerivative(beta, z), 1e-8 * Math.max(1, Math.abs(db)));
        double dzb = (Swish.derivative(beta + h, z) - Swish.derivative(beta - h, z)) / (2 * h);
        assertEquals(dzb, Swish.mixedDerivative(beta, z), 1e-8 * Math.max(1, Math.abs(dzb)));
    }
}
