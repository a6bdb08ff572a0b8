export * from './dto/project.inputs';
export * from './dto/project.type';
export * from './project.entity';
export * from './projects.module';
export * from './projects.service';
