/**
 * The i-PI socket driver: lets i-PI or ASE's {@code SocketIOCalculator} drive any Potentia
 * potential over a UNIX or TCP socket.
 *
 * <p>In i-PI the server (i-PI, ASE) listens and sends geometries; the driver
 * ({@link potentia.ipi.IpiDriver}) connects and answers with energy, forces and virial. The wire
 * carries 12-byte space-padded ASCII headers, int32 and float64 in native byte order, lengths in
 * Bohr and energies in Hartree, the cell and the virial transposed (lattice vectors as columns):
 * {@link potentia.ipi.IpiWire}. {@link potentia.ipi.IpiConnection} does the framing with
 * deadlines, so that a dead or stuck peer gives an error instead of a hang.
 *
 * <p>Failure behaviour: EXIT, or the server closing the connection between messages, ends a
 * session normally ({@link potentia.ipi.IpiSummary}); garbage, a message cut short, a stall
 * inside a message or a wrong atom count throws {@link potentia.ipi.IpiException}, and the
 * driver does not reconnect (a new server needs a new driver run).
 *
 * <p>Protocol reference: i-PI's documentation and ASE's {@code ase/calculators/socketio.py}.
 */
package potentia.ipi;
