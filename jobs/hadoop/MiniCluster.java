import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.net.NetUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * HDFS (one NameNode, one DataNode) and YARN (one ResourceManager, one NodeManager) in this JVM,
 * on 127.0.0.1, for jobs/minicluster; also copies files between a local folder and any Hadoop
 * file system. Run as a source file (java -cp HADOOP_JARS jobs/hadoop/MiniCluster.java ...):
 *
 * <pre>
 *   start STATE_DIR            runs until killed; writes STATE_DIR/conf and then STATE_DIR/uri
 *   put LOCAL REMOTE           copies a file or folder in (REMOTE: hdfs://..., s3a://...)
 *   get REMOTE LOCAL           copies a file or folder out
 * </pre>
 *
 * put and get read the file system settings from the *-site.xml files on the classpath.
 */
public final class MiniCluster {
  private MiniCluster() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("start")) {
      start(Path.of(args[1]).toAbsolutePath());
    } else if (args.length == 3 && args[0].equals("put")) {
      Configuration conf = new Configuration();
      org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(args[2]);
      copy(localFs(conf), local(args[1]), to.getFileSystem(conf), to, conf);
    } else if (args.length == 3 && args[0].equals("get")) {
      Configuration conf = new Configuration();
      org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(args[1]);
      copy(from.getFileSystem(conf), from, localFs(conf), local(args[2]), conf);
    } else {
      System.err.println("usage: MiniCluster start STATE_DIR | put LOCAL REMOTE | get REMOTE LOCAL");
      System.exit(2);
    }
  }

  private static org.apache.hadoop.fs.Path local(String path) {
    return new org.apache.hadoop.fs.Path(new File(path).getAbsoluteFile().toURI());
  }

  /** The local file system without Hadoop's .crc files beside each file copied out. */
  private static FileSystem localFs(Configuration conf) throws IOException {
    return FileSystem.getLocal(conf).getRawFileSystem();
  }

  private static void copy(
      FileSystem source,
      org.apache.hadoop.fs.Path from,
      FileSystem target,
      org.apache.hadoop.fs.Path to,
      Configuration conf)
      throws IOException {
    if (!source.exists(from)) {
      System.err.println("minicluster: " + from + ": no such file or folder");
      System.exit(1);
    }
    copyTree(source, from, target, to, conf);
  }

  /**
   * Copies file by file, overwriting, so that put and get can be repeated. A listed entry that
   * cannot be opened is skipped with a note: S3Proxy's folder store lists a folder emptied by
   * deletes (a run's staging folder) that S3 then does not find.
   */
  private static void copyTree(
      FileSystem source,
      org.apache.hadoop.fs.Path from,
      FileSystem target,
      org.apache.hadoop.fs.Path to,
      Configuration conf)
      throws IOException {
    if (!source.getFileStatus(from).isDirectory()) {
      if (!FileUtil.copy(source, from, target, to, false, true, conf)) {
        System.err.println("minicluster: could not copy " + from + " to " + to);
        System.exit(1);
      }
      return;
    }
    target.mkdirs(to);
    for (org.apache.hadoop.fs.FileStatus entry : source.listStatus(from)) {
      org.apache.hadoop.fs.Path child = entry.getPath();
      try {
        copyTree(source, child, target, new org.apache.hadoop.fs.Path(to, child.getName()), conf);
      } catch (java.io.FileNotFoundException e) {
        System.err.println("minicluster: skipped " + child + ": listed, but not found");
      }
    }
  }

  private static void start(Path state) throws Exception {
    Configuration conf = new Configuration();
    // One DataNode: blocks cannot have more than one replica.
    conf.setInt("dfs.replication", 1);
    MiniDFSCluster dfs =
        new MiniDFSCluster.Builder(conf, state.resolve("hdfs").toFile())
            .numDataNodes(1)
            .format(true)
            .build();
    dfs.waitActive();
    String uri = "hdfs://127.0.0.1:" + dfs.getNameNodePort();

    YarnConfiguration yarnConf = new YarnConfiguration(dfs.getConfiguration(0));
    // "Fixed ports" only means: keep the addresses given here instead of the machine's host
    // name; port 0 still lets the system choose, and the ResourceManager writes back its own.
    yarnConf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
    for (String key :
        List.of(
            YarnConfiguration.RM_ADDRESS,
            YarnConfiguration.RM_ADMIN_ADDRESS,
            YarnConfiguration.RM_SCHEDULER_ADDRESS,
            YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS,
            YarnConfiguration.RM_WEBAPP_ADDRESS)) {
      yarnConf.set(key, "127.0.0.1:0");
    }
    // The NodeManager offers 4 GB (MiniYARNCluster's fixed figure). Containers are rounded up
    // to a multiple of the minimum: at 256 MB an application master (512m + 384m overhead) and
    // two 1g executors (1g + 384m each) fit exactly; at the default 1024 only one executor does.
    yarnConf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 256);
    // The capacity scheduler needs a queue file the minicluster jar lacks; one node and one
    // application at a time need no queues.
    yarnConf.set(
        YarnConfiguration.RM_SCHEDULER,
        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fifo.FifoScheduler");
    // A nearly full disk must not mark the only node unhealthy and leave YARN without one.
    yarnConf.setFloat(
        YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
    MiniYARNCluster yarn = new MiniYARNCluster("probehunt", 1, 1, 1);
    yarn.init(yarnConf);
    yarn.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  yarn.stop();
                  dfs.shutdown();
                }));

    Path confDir = state.resolve("conf");
    Files.createDirectories(confDir);
    Configuration core = new Configuration(false);
    core.set("fs.defaultFS", uri);
    write(core, confDir.resolve("core-site.xml"));
    Configuration hdfs = new Configuration(false);
    hdfs.setInt("dfs.replication", 1);
    write(hdfs, confDir.resolve("hdfs-site.xml"));
    Configuration yarnSite = new Configuration(false);
    for (String key :
        List.of(
            YarnConfiguration.RM_ADDRESS,
            YarnConfiguration.RM_ADMIN_ADDRESS,
            YarnConfiguration.RM_SCHEDULER_ADDRESS,
            YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS,
            YarnConfiguration.RM_WEBAPP_ADDRESS)) {
      // The ResourceManager writes its addresses back as localhost:PORT.
      yarnSite.set(key, "127.0.0.1:" + NetUtils.createSocketAddr(yarn.getConfig().get(key)).getPort());
    }
    write(yarnSite, confDir.resolve("yarn-site.xml"));
    // Written last: the script waits for it.
    Path uriFile = state.resolve("uri");
    Files.writeString(state.resolve("uri.tmp"), uri + "\n");
    Files.move(state.resolve("uri.tmp"), uriFile, StandardCopyOption.ATOMIC_MOVE);
    System.out.println(
        "minicluster: HDFS "
            + uri
            + ", YARN ResourceManager "
            + yarnSite.get(YarnConfiguration.RM_ADDRESS)
            + ", web UI http://"
            + yarnSite.get(YarnConfiguration.RM_WEBAPP_ADDRESS));
    new CountDownLatch(1).await();
  }

  private static void write(Configuration conf, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      conf.writeXml(out);
    }
  }
}
